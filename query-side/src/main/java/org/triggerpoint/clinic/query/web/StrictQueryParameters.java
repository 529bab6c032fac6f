package org.triggerpoint.clinic.query.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.core.ParameterNameDiscoverer;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Reads the query string strictly before a view answers, so that no mistake in it is answered as if it had not been
 * made. The servlet container is lenient where a view must not be: it drops a parameter it cannot decode (so
 * {@code size=%zz} would answer the default page size), keeps only the first of a repeated parameter for a number
 * and joins repeated text with commas, and passes NUL and control characters on to SQL. Here each of these is a 400
 * naming the parameter:
 * <ul>
 *     <li>a name the endpoint does not take (a typo such as {@code sise=5} would otherwise be ignored);</li>
 *     <li>a name given twice;</li>
 *     <li>a broken percent escape, or bytes that are not UTF-8 (a lone surrogate sent as {@code %ED%A0%80});</li>
 *     <li>a control character (NUL included) in a value, or a value longer than {@value #MAX_VALUE_LENGTH}
 *     characters: no id, instant, name or number of this API is longer.</li>
 * </ul>
 * Only endpoints of this application's controllers are checked; the names they take are their
 * {@link RequestParam}s and the {@code params} of their mapping.
 */
@Component
public class StrictQueryParameters implements HandlerInterceptor {

    static final int MAX_VALUE_LENGTH = 1_000;
    private static final ParameterNameDiscoverer NAMES = new DefaultParameterNameDiscoverer();

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method) || request.getQueryString() == null) {
            return true;
        }
        Set<String> taken = namesTaken(method);
        Set<String> seen = new HashSet<>();
        for (String pair : request.getQueryString().split("&", -1)) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = decode("query string", equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(name, pair.substring(equals + 1));
            if (!taken.contains(name)) {
                throw new InvalidQuery(shown(name), "Unknown parameter '" + shown(name) + "'; this endpoint takes "
                        + (taken.isEmpty() ? "no parameters" : String.join(", ", new TreeSet<>(taken))));
            }
            if (!seen.add(name)) {
                throw new InvalidQuery(name, name + " is given more than once; give it once");
            }
            if (value.length() > MAX_VALUE_LENGTH) {
                throw new InvalidQuery(name, name + " is longer than " + MAX_VALUE_LENGTH + " characters");
            }
            if (value.chars().anyMatch(Character::isISOControl)) {
                throw new InvalidQuery(name, name + " holds a control character (such as NUL or a line break)");
            }
        }
        return true;
    }

    private static Set<String> namesTaken(HandlerMethod method) {
        Set<String> names = Arrays.stream(method.getMethodParameters())
                .filter(parameter -> parameter.hasParameterAnnotation(RequestParam.class))
                .map(StrictQueryParameters::nameOf)
                .collect(Collectors.toCollection(HashSet::new));
        RequestMapping mapping = AnnotatedElementUtils.findMergedAnnotation(method.getMethod(), RequestMapping.class);
        if (mapping != null) {
            Arrays.stream(mapping.params()).map(expression -> expression.replaceFirst("^!", "").split("!?=")[0])
                    .forEach(names::add);
        }
        return names;
    }

    private static String nameOf(MethodParameter parameter) {
        RequestParam annotation = parameter.getParameterAnnotation(RequestParam.class);
        String name = annotation == null ? "" : annotation.name();
        if (!name.isEmpty()) {
            return name;
        }
        // as Spring MVC names the parameter when it binds it: by the name compiled in with -parameters
        parameter.initParameterNameDiscovery(NAMES);
        return parameter.getParameterName();
    }

    /** As the servlet container decodes a query string ({@code +} is a space), but refusing what it would drop. */
    private static String decode(String parameter, String raw) {
        byte[] bytes = new byte[raw.length()];
        int length = 0;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                int high = i + 2 < raw.length() ? Character.digit(raw.charAt(i + 1), 16) : -1;
                int low = high < 0 ? -1 : Character.digit(raw.charAt(i + 2), 16);
                if (low < 0) {
                    throw new InvalidQuery(parameter, shown(parameter) + " holds a % that is not followed by two "
                            + "hexadecimal digits");
                }
                bytes[length++] = (byte) (high * 16 + low);
                i += 2;
            } else if (c > 0x7f) {
                // Tomcat has already read the request line as bytes; anything beyond ASCII here was never valid.
                throw new InvalidQuery(parameter, shown(parameter) + " holds a character that is not percent-encoded");
            } else {
                bytes[length++] = (byte) (c == '+' ? ' ' : c);
            }
        }
        try {
            CharBuffer decoded = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, 0, length));
            return decoded.toString();
        } catch (CharacterCodingException notUtf8) {
            throw new InvalidQuery(parameter, shown(parameter) + " is not valid UTF-8 once percent-decoded");
        }
    }

    /** A parameter's name as it may be shown back: printable and short. */
    private static String shown(String name) {
        String printable = name.codePoints().map(c -> Character.isISOControl(c) ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return printable.length() > 40 ? printable.substring(0, 40) + "…" : printable;
    }
}
