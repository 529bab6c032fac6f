package org.triggerpoint.clinic.query.audit;

import jakarta.servlet.http.HttpServletRequest;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A request that reads client records, as the read log names it: whose record (none for the client list) and the
 * endpoint with only the parts of its query string that hold no personal data. The list's search text is part of a
 * name, so only its length is kept; any other value is kept only when it is what it should be (an instant, a number).
 */
record RecordRead(UUID clientId, String endpoint) {

    private static final Pattern CLIENT_RECORD = Pattern.compile("/api/clients/([^/]+)/(history|export)");
    private static final String FHIR = "application/fhir+json";

    static Optional<RecordRead> of(HttpServletRequest request) {
        if (!"GET".equals(request.getMethod())) {
            return Optional.empty();
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.equals("/api/clients")) {
            return Optional.of(new RecordRead(null, "GET /api/clients?query=[" + length(request.getParameter("query"))
                    + " characters]" + number(request, "page") + number(request, "size")));
        }
        Matcher record = CLIENT_RECORD.matcher(path);
        if (!record.matches()) {
            return Optional.empty();
        }
        UUID clientId = uuid(record.group(1));
        if (record.group(2).equals("history")) {
            return Optional.of(new RecordRead(clientId, "GET /api/clients/{clientId}/history" + asOf(request)));
        }
        String accept = request.getHeader("Accept");
        String format = request.getParameter("format");
        boolean fhir = format != null ? format.equals("fhir") : accept != null && accept.contains(FHIR);
        return Optional.of(new RecordRead(clientId, "GET /api/clients/{clientId}/export as " + (fhir ? "FHIR" : "JSON")));
    }

    private static int length(String query) {
        return query == null ? 0 : query.strip().length();
    }

    private static String number(HttpServletRequest request, String name) {
        String value = request.getParameter(name);
        if (value == null) {
            return "";
        }
        return "&" + name + "=" + (value.matches("-?\\d{1,9}") ? value : "[not a number]");
    }

    private static String asOf(HttpServletRequest request) {
        String value = request.getParameter("asOf");
        if (value == null) {
            return "";
        }
        try {
            return "?asOf=" + Instant.parse(value);
        } catch (DateTimeParseException notAnInstant) {
            return "?asOf=[not an instant]";
        }
    }

    private static UUID uuid(String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException notAnId) {
            return null;
        }
    }
}
