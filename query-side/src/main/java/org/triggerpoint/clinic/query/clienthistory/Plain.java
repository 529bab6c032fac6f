package org.triggerpoint.clinic.query.clienthistory;

import org.triggerpoint.clinic.events.FreeText;
import org.triggerpoint.clinic.events.session.PainScore;
import org.triggerpoint.clinic.events.session.PressurePainThreshold;

import java.math.BigDecimal;
import java.util.List;

/**
 * The view holds plain values (text, numbers), not the events' value types, so its documents and answers read the
 * same whatever those types become. Absent optional values stay null, and so do erased ones: the record says that
 * the client's personal data was erased, the texts themselves are simply gone.
 */
final class Plain {

    private Plain() {
    }

    static String text(FreeText text) {
        return text == null || text.isErased() ? null : text.text();
    }

    static List<String> texts(List<FreeText> texts) {
        return texts == null ? null : texts.stream().map(Plain::text).toList();
    }

    static Integer points(PainScore score) {
        return score == null ? null : score.points();
    }

    /**
     * A threshold as it was given, {@code 2.50} staying {@code 2.50}, except that a whole number written with an
     * exponent ({@code 1e1}) reads {@code 10}: JSON text keeps this form, where the view's earlier jsonb documents
     * turned it into a plain number, so the history says {@code 10} now as it did then.
     */
    static BigDecimal kgPerSquareCentimetre(PressurePainThreshold threshold) {
        if (threshold == null) {
            return null;
        }
        BigDecimal value = threshold.kgPerSquareCentimetre();
        return value.scale() < 0 ? value.setScale(0) : value;
    }
}
