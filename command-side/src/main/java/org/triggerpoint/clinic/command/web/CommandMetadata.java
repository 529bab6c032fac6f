package org.triggerpoint.clinic.command.web;

import jakarta.servlet.http.HttpServletRequest;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.common.IdentifierFactory;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.regex.Pattern;

/**
 * Stamps every command with who sent it (user and roles) and the HTTP request it came with. Axon copies these
 * keys onto every event the command causes (see the correlation data providers), so each stored event names its
 * actor. Commands sent outside a request, such as the first administrator's registration, are the system's.
 */
@Component
public class CommandMetadata implements MessageDispatchInterceptor<CommandMessage<?>> {

    public static final String ACTOR = "actor";
    public static final String ACTOR_ROLES = "actorRoles";
    public static final String REQUEST_ID = "requestId";
    public static final String REASON = "reason";
    public static final List<String> KEYS = List.of(ACTOR, ACTOR_ROLES, REQUEST_ID, REASON);

    static final String REQUEST_ID_HEADER = "X-Request-Id";
    private static final String SYSTEM = "system";
    private static final Pattern SAFE_REQUEST_ID = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

    @Override
    public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(
            List<? extends CommandMessage<?>> messages) {
        return (index, command) -> command.andMetaData(currentActor());
    }

    private static Map<String, Object> currentActor() {
        Map<String, Object> metadata = new HashMap<>();
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.isAuthenticated()) {
            metadata.put(ACTOR, authentication.getName());
            metadata.put(ACTOR_ROLES, String.join(",", authentication.getAuthorities().stream()
                    .map(GrantedAuthority::getAuthority)
                    .map(authority -> authority.replaceFirst("^ROLE_", ""))
                    .sorted()
                    .toList()));
        } else {
            metadata.put(ACTOR, SYSTEM);
            metadata.put(ACTOR_ROLES, SYSTEM.toUpperCase());
        }
        metadata.put(REQUEST_ID, requestId());
        return metadata;
    }

    private static String requestId() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            String given = request.getHeader(REQUEST_ID_HEADER);
            if (given != null && SAFE_REQUEST_ID.matcher(given).matches()) {
                return given;
            }
            Object assigned = request.getAttribute(REQUEST_ID);
            if (assigned == null) {
                assigned = IdentifierFactory.getInstance().generateIdentifier();
                request.setAttribute(REQUEST_ID, assigned);
            }
            return assigned.toString();
        }
        return IdentifierFactory.getInstance().generateIdentifier();
    }
}
