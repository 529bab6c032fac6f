package org.triggerpoint.clinic.command.user;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.triggerpoint.clinic.command.common.UnknownRecord;
import org.triggerpoint.clinic.command.web.Commands;
import org.triggerpoint.clinic.command.web.ConsistencyTokens;
import org.triggerpoint.clinic.events.user.Role;
import org.triggerpoint.clinic.events.user.Username;

import java.net.URI;
import java.time.Clock;
import java.util.Map;
import java.util.Set;

/** The clinic's users and their roles (ADMIN only). */
@RestController
@RequestMapping("/api/users")
class UserController {

    static final String USERNAME_FORM = "[a-z][a-z0-9._-]{2,63}";
    static final String USERNAME_MESSAGE =
            "must be 3 to 64 lower-case letters, digits, '.', '-' or '_', starting with a letter";

    private final UserAdministration users;
    private final Commands commands;
    private final Clock clock;

    UserController(UserAdministration users, Commands commands, Clock clock) {
        this.users = users;
        this.commands = commands;
        this.clock = clock;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, String>> register(@Valid @RequestBody RegisterUserRequest request) {
        Username username = new Username(request.username());
        String token = users.register(username, request.password(), request.roles());
        return ResponseEntity.created(URI.create("/api/users/" + username))
                .header(ConsistencyTokens.HEADER, token)
                .body(Map.of("username", username.value()));
    }

    @PutMapping(path = "/{username}/roles", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Void> changeRoles(@PathVariable String username,
                                     @Valid @RequestBody RolesRequest request) {
        Username name = knownForm(username);
        return commands.change(name, new ChangeUserRoles(name, request.roles(), clock.instant()));
    }

    @PostMapping("/{username}/deactivate")
    ResponseEntity<Void> deactivate(@PathVariable String username) {
        Username name = knownForm(username);
        return commands.change(name, new DeactivateUser(name, clock.instant()));
    }

    /** A name that is not of a username's form names no user: 404, like any other unknown user. */
    private static Username knownForm(String username) {
        if (!username.matches(USERNAME_FORM)) {
            throw new UnknownRecord("user", username);
        }
        return new Username(username);
    }

    record RegisterUserRequest(
            @NotNull @Pattern(regexp = USERNAME_FORM, message = USERNAME_MESSAGE) String username,
            @NotNull @Size(min = 12, max = 200, message = "must be 12 to 200 characters") String password,
            @NotEmpty Set<@NotNull Role> roles) {
    }

    record RolesRequest(@NotEmpty Set<@NotNull Role> roles) {
    }
}
