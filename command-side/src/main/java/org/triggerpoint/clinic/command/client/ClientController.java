package org.triggerpoint.clinic.command.client;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.triggerpoint.clinic.command.common.Ids;
import org.triggerpoint.clinic.command.web.CommandMetadata;
import org.triggerpoint.clinic.command.web.Commands;
import org.triggerpoint.clinic.events.FreeText;
import org.triggerpoint.clinic.events.client.ClientDetails;
import org.triggerpoint.clinic.events.client.ClientId;
import org.triggerpoint.clinic.events.client.PresentingCondition;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

@RestController
@RequestMapping(path = "/api/clients", consumes = MediaType.APPLICATION_JSON_VALUE)
class ClientController {

    private final Commands commands;
    private final Ids ids;
    private final Clock clock;

    ClientController(Commands commands, Ids ids, Clock clock) {
        this.commands = commands;
        this.ids = ids;
        this.clock = clock;
    }

    @PostMapping
    ResponseEntity<Map<String, String>> register(@Valid @RequestBody RegisterClientRequest request) {
        ClientId clientId = new ClientId(ids.next());
        ClientDetails details = new ClientDetails(request.givenName(), request.familyName(), request.dateOfBirth(),
                request.email(), request.phone());
        return commands.create(clientId, new RegisterClient(clientId, details, request.consentToTreatment(),
                        request.consentToDataProcessing(), clock.instant()),
                clientId, "clientId", "/api/clients/" + clientId);
    }

    @PostMapping("/{clientId}/intake")
    ResponseEntity<Void> recordIntake(@PathVariable UUID clientId, @Valid @RequestBody IntakeRequest request) {
        ClientId id = new ClientId(clientId);
        return commands.change(id, new RecordIntake(id, request.conditions(), FreeText.ofNullable(request.history()),
                FreeText.ofNullable(request.goals()), clock.instant()));
    }

    @PostMapping("/{clientId}/consent")
    ResponseEntity<Void> changeConsent(@PathVariable UUID clientId, @Valid @RequestBody ConsentRequest request) {
        ClientId id = new ClientId(clientId);
        return commands.change(id, new ChangeConsent(id, request.consentToTreatment(),
                request.consentToDataProcessing(), clock.instant()));
    }

    @PostMapping("/{clientId}/erasure")
    ResponseEntity<Void> erase(@PathVariable UUID clientId, @Valid @RequestBody ErasureRequest request) {
        ClientId id = new ClientId(clientId);
        return commands.change(id, new EraseClientData(id, request.reason().strip(),
                        request.legalBasis() == null || request.legalBasis().isBlank() ? null
                                : request.legalBasis().strip(), clock.instant()),
                Map.of(CommandMetadata.REASON, request.reason().strip()));
    }

    record RegisterClientRequest(
            @NotBlank @Size(max = 100) String givenName,
            @NotBlank @Size(max = 100) String familyName,
            @NotNull @Past LocalDate dateOfBirth,
            @Email @Size(max = 254) String email,
            @Pattern(regexp = "[+0-9 ()./-]{3,40}", message = "must be a phone number") String phone,
            @NotNull @AssertTrue(message = "must be true: a client is registered only with consent to treatment")
            Boolean consentToTreatment,
            @NotNull @AssertTrue(message = "must be true: a client is registered only with consent to data processing")
            Boolean consentToDataProcessing) {
    }

    record IntakeRequest(
            @NotEmpty Set<@NotNull PresentingCondition> conditions,
            @Size(max = FreeText.MAX_LENGTH) String history,
            @Size(max = FreeText.MAX_LENGTH) String goals) {
    }

    /** The administrator's words, kept readable after the erasure: no personal data in them. */
    record ErasureRequest(@NotBlank @Size(max = 2_000) String reason, @Size(max = 2_000) String legalBasis) {
    }

    record ConsentRequest(@NotNull Boolean consentToTreatment, @NotNull Boolean consentToDataProcessing) {
    }
}
