package org.triggerpoint.clinic.query.clienthistory;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.triggerpoint.clinic.query.projections.ServedFrom;
import org.triggerpoint.clinic.query.projections.View;
import org.triggerpoint.clinic.query.web.InvalidQuery;
import org.triggerpoint.clinic.query.web.UnknownRecord;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/**
 * The client's whole record for the client to take away: as JSON, or as a FHIR R4 Bundle (THERAPIST, AUDITOR), chosen
 * by the Accept header or, where a link cannot set headers, by {@code format=json|fhir} (as the audit export takes
 * {@code format=csv}).
 */
@RestController
@ServedFrom(View.CLIENT_HISTORY)
@RequestMapping("/api/clients/{clientId}/export")
class ClientExportController {

    private final HistoryTables tables;
    private final FhirBundles fhir;
    private final Clock clock;

    ClientExportController(HistoryTables tables, FhirBundles fhir, Clock clock) {
        this.tables = tables;
        this.fhir = fhir;
        this.clock = clock;
    }

    record Export(Instant exportedAt, ClientHistory record) {
    }

    @Operation(summary = "The client's whole record as JSON: the same record as the history, with when it was taken")
    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    Export asJson(@PathVariable UUID clientId) {
        return new Export(clock.instant(), history(clientId));
    }

    @Operation(summary = "The client's record as a FHIR R4 collection Bundle: Patient, an Encounter per session, "
            + "Observations of the NPRS score before and after treatment (LOINC 72514-3), a Procedure per release")
    @GetMapping(produces = FhirBundles.MEDIA_TYPE)
    ResponseEntity<String> asFhir(@PathVariable UUID clientId) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(FhirBundles.MEDIA_TYPE))
                .body(fhir.asJson(history(clientId), clock.instant()));
    }

    @Operation(summary = "The client's record as format=json or format=fhir says, whatever Accept asks")
    @GetMapping(params = "format")
    ResponseEntity<?> asAsked(@PathVariable UUID clientId,
                              @Parameter(description = "json or fhir (a FHIR R4 Bundle), instead of the Accept header")
                              @RequestParam String format) {
        return switch (format) {
            case "json" -> ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(asJson(clientId));
            case "fhir" -> asFhir(clientId);
            default -> throw new InvalidQuery("format", "format must be json or fhir, was '" + format + "'");
        };
    }

    private ClientHistory history(UUID clientId) {
        return tables.history(clientId).orElseThrow(() -> new UnknownRecord("client", clientId));
    }
}
