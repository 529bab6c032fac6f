package org.triggerpoint.clinic.query.audit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.triggerpoint.clinic.query.audit.AuditTrail.AuditPage;
import org.triggerpoint.clinic.query.projections.ServedFrom;
import org.triggerpoint.clinic.query.projections.View;
import org.triggerpoint.clinic.query.web.InvalidQuery;

import java.io.IOException;
import java.io.Writer;

/**
 * The audit trail for compliance reviewers (AUDITOR): every change to the records and every read of them, newest
 * first, as JSON pages or as one CSV export. Changes come from the audit view (so X-Consistency-Token applies);
 * reads are in the read log the moment they were answered.
 */
@RestController
@ServedFrom(View.AUDIT)
@RequestMapping("/api/audit")
class AuditController {

    private static final int MAX_PAGE_SIZE = 100;
    /** An export larger than this is cut off there; narrow it by time to get the rest. */
    static final int MAX_CSV_ROWS = 100_000;

    private final AuditTrail trail;

    AuditController(AuditTrail trail) {
        this.trail = trail;
    }

    @Operation(summary = "Changes and reads of the records, newest first, a page at a time (AUDITOR)", description = """
            Each entry: kind (CHANGE: an event stored; READ: a read of client records), at, actor, roles, what (the \
            event type, or the read: ClientHistoryRead, ClientRecordExported, ClientListRead), clientId, stream (the \
            changed record's id) or endpoint (the request read, without personal data), correlationId, requestId, \
            reason (given with the command), outcome (RECORDED for changes; SERVED, DENIED or NOT_FOUND for reads). \
            No entry holds a client's personal data. Accept: text/csv or format=csv exports every matching entry \
            (up to 100 000) as CSV.""")
    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    AuditPage entries(@Parameter(description = "Only this client's record (a client id)")
                      @RequestParam(required = false) String clientId,
                      @Parameter(description = "Only what this user did (username)")
                      @RequestParam(required = false) String actor,
                      @Parameter(description = "From this ISO instant, inclusive")
                      @RequestParam(required = false) String from,
                      @Parameter(description = "Up to this ISO instant, exclusive")
                      @RequestParam(required = false) String to,
                      @Parameter(description = "The page, from 0") @RequestParam(defaultValue = "0") int page,
                      @Parameter(description = "Entries per page, 1 to " + MAX_PAGE_SIZE)
                      @RequestParam(defaultValue = "20") int size,
                      @Parameter(description = "csv for a CSV export, as with Accept: text/csv")
                      @RequestParam(required = false) String format) {
        if (format != null && !format.equals("json")) {
            throw new InvalidQuery("format", "format must be csv or json, was '" + format + "'");
        }
        if (page < 0) {
            throw new InvalidQuery("page", "page must be 0 or more (the first page is 0), was " + page);
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw new InvalidQuery("size", "size must be between 1 and " + MAX_PAGE_SIZE + ", was " + size);
        }
        return trail.page(AuditFilter.of(clientId, actor, from, to), page, size);
    }

    @GetMapping(produces = AuditCsv.MEDIA_TYPE)
    void csv(@RequestParam(required = false) String clientId, @RequestParam(required = false) String actor,
             @RequestParam(required = false) String from, @RequestParam(required = false) String to,
             HttpServletResponse response) throws IOException {
        AuditFilter filter = AuditFilter.of(clientId, actor, from, to);
        response.setContentType(AuditCsv.MEDIA_TYPE + ";charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"audit-trail.csv\"");
        Writer out = response.getWriter();
        AuditCsv csv = new AuditCsv(out);
        trail.each(filter, MAX_CSV_ROWS, csv::write);
        out.flush();
    }

    @GetMapping(params = "format=csv")
    void csvAsked(@RequestParam(required = false) String clientId, @RequestParam(required = false) String actor,
                  @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                  HttpServletResponse response) throws IOException {
        csv(clientId, actor, from, to, response);
    }
}
