package org.triggerpoint.clinic.query.clienthistory;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.triggerpoint.clinic.query.clienthistory.ClientDirectory.ClientPage;
import org.triggerpoint.clinic.query.projections.ServedFrom;
import org.triggerpoint.clinic.query.projections.View;
import org.triggerpoint.clinic.query.web.InvalidQuery;
import org.triggerpoint.clinic.query.web.UnknownRecord;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** The clinic's clients and each client's history (THERAPIST, AUDITOR). */
@RestController
@ServedFrom(View.CLIENT_HISTORY)
@RequestMapping("/api/clients")
class ClientHistoryController {

    private static final int MAX_PAGE_SIZE = 100;

    private final HistoryTables tables;
    private final RecordAsItStood asItStood;
    private final ClientDirectory directory;

    ClientHistoryController(HistoryTables tables, RecordAsItStood asItStood, ClientDirectory directory) {
        this.tables = tables;
        this.asItStood = asItStood;
        this.directory = directory;
    }

    @Operation(summary = "A client's whole record: details, consent, intake, every session in the order it started "
            + "(assessment, trigger points and their release, techniques, completion with who signed, soreness "
            + "reports, amendments with the original beside each correction), the pain trend and a summary per muscle")
    @GetMapping("/{clientId}/history")
    ClientHistory history(@PathVariable UUID clientId,
                          @Parameter(description = "An ISO instant, e.g. 2026-03-02T09:00:00Z: the record exactly as "
                                  + "it stood then, built from the events stored up to that instant; 404 if the "
                                  + "client was not registered yet")
                          @RequestParam(required = false) Instant asOf) {
        Optional<ClientHistory> history = asOf == null
                ? tables.history(clientId)
                : asItStood.history(clientId, asOf);
        return history.orElseThrow(() ->
                new UnknownRecord("client", asOf == null ? clientId : clientId + " at " + asOf));
    }

    @Operation(summary = "The clinic's clients ordered by family then given name, a page at a time")
    @GetMapping
    ClientPage clients(@Parameter(description = "Part of a given or family name, any case; empty for every client")
                       @RequestParam(defaultValue = "") String query,
                       @Parameter(description = "The page, from 0") @RequestParam(defaultValue = "0") int page,
                       @Parameter(description = "Clients per page, 1 to " + MAX_PAGE_SIZE)
                       @RequestParam(defaultValue = "20") int size) {
        if (page < 0) {
            throw new InvalidQuery("page", "page must be 0 or more (the first page is 0), was " + page);
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw new InvalidQuery("size", "size must be between 1 and " + MAX_PAGE_SIZE + ", was " + size);
        }
        return directory.find(query.strip(), page, size);
    }
}
