package org.triggerpoint.clinic.command.therapist;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.triggerpoint.clinic.command.common.Ids;
import org.triggerpoint.clinic.command.web.Commands;
import org.triggerpoint.clinic.events.therapist.TherapistId;

import java.time.Clock;
import java.util.Map;
import java.util.UUID;

@RestController
@RequestMapping("/api/therapists")
class TherapistController {

    private final Commands commands;
    private final Ids ids;
    private final Clock clock;

    TherapistController(Commands commands, Ids ids, Clock clock) {
        this.commands = commands;
        this.ids = ids;
        this.clock = clock;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, String>> register(@Valid @RequestBody RegisterTherapistRequest request) {
        TherapistId therapistId = new TherapistId(ids.next());
        return commands.create(therapistId, new RegisterTherapist(therapistId, request.displayName().strip(),
                        request.licenseNumber().strip(), clock.instant()),
                therapistId, "therapistId", "/api/therapists/" + therapistId);
    }

    @PostMapping("/{therapistId}/deactivate")
    ResponseEntity<Void> deactivate(@PathVariable UUID therapistId) {
        TherapistId id = new TherapistId(therapistId);
        return commands.change(id, new DeactivateTherapist(id, clock.instant()));
    }

    record RegisterTherapistRequest(@NotBlank @Size(max = 200) String displayName,
                                    @NotBlank @Size(max = 100) String licenseNumber) {
    }
}
