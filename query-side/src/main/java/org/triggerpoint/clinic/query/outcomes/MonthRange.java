package org.triggerpoint.clinic.query.outcomes;

import org.triggerpoint.clinic.query.web.InvalidQuery;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;

/**
 * The months of session start a question is about, both ends inclusive and either open. A date stands for its month:
 * {@code from=2025-03-15} includes every session started in March 2025.
 */
record MonthRange(YearMonth from, YearMonth to) {

    static MonthRange of(String from, String to) {
        MonthRange range = new MonthRange(month("from", from), month("to", to));
        if (range.from != null && range.to != null && range.from.isAfter(range.to)) {
            throw new InvalidQuery("from", "from (" + range.from + ") is after to (" + range.to + ")");
        }
        return range;
    }

    private static YearMonth month(String parameter, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.strip();
        try {
            return text.length() == 7 ? YearMonth.parse(text) : YearMonth.from(LocalDate.parse(text));
        } catch (DateTimeParseException notADate) {
            throw new InvalidQuery(parameter, parameter + " must be an ISO date (2025-03-15) or a month (2025-03), was '"
                    + value + "'");
        }
    }
}
