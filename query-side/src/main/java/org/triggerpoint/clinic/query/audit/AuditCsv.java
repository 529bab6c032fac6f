package org.triggerpoint.clinic.query.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import java.util.Objects;

/** Audit entries as CSV (RFC 4180): a header row, CRLF line ends, a field quoted when it holds , " CR or LF. */
final class AuditCsv {

    static final String MEDIA_TYPE = "text/csv";
    static final List<String> HEADER = List.of("kind", "at", "actor", "roles", "what", "clientId", "stream",
            "endpoint", "correlationId", "requestId", "reason", "outcome");

    private final Writer out;

    AuditCsv(Writer out) {
        this.out = out;
        line(HEADER);
    }

    void write(AuditEntry entry) {
        line(List.of(entry.kind(), entry.at().toString(), text(entry.actor()), String.join(",", entry.roles()),
                text(entry.what()), text(entry.clientId()), text(entry.stream()), text(entry.endpoint()),
                text(entry.correlationId()), text(entry.requestId()), text(entry.reason()), text(entry.outcome())));
    }

    private void line(List<String> fields) {
        try {
            for (int i = 0; i < fields.size(); i++) {
                if (i > 0) {
                    out.write(',');
                }
                out.write(quoted(fields.get(i)));
            }
            out.write("\r\n");
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }

    static String quoted(String field) {
        if (field.contains(",") || field.contains("\"") || field.contains("\r") || field.contains("\n")) {
            return '"' + field.replace("\"", "\"\"") + '"';
        }
        return field;
    }

    private static String text(Object value) {
        return Objects.toString(value, "");
    }
}
