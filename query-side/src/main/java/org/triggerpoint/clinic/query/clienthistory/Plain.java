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

    static BigDecimal kgPerSquareCentimetre(PressurePainThreshold threshold) {
        return threshold == null ? null : threshold.kgPerSquareCentimetre();
    }
}
