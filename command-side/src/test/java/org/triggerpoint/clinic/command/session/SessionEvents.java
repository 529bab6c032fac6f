package org.triggerpoint.clinic.command.session;

import org.triggerpoint.clinic.events.FreeText;
import org.triggerpoint.clinic.events.client.ClientId;
import org.triggerpoint.clinic.events.session.AssessmentRecorded;
import org.triggerpoint.clinic.events.session.BodyRegion;
import org.triggerpoint.clinic.events.session.HoldDuration;
import org.triggerpoint.clinic.events.session.LocalTwitchResponse;
import org.triggerpoint.clinic.events.session.Muscle;
import org.triggerpoint.clinic.events.session.PainScore;
import org.triggerpoint.clinic.events.session.PressurePainThreshold;
import org.triggerpoint.clinic.events.session.PressureTechnique;
import org.triggerpoint.clinic.events.session.RangeOfMotion;
import org.triggerpoint.clinic.events.session.SessionCompleted;
import org.triggerpoint.clinic.events.session.SessionId;
import org.triggerpoint.clinic.events.session.SessionStarted;
import org.triggerpoint.clinic.events.session.Side;
import org.triggerpoint.clinic.events.session.TissueResponse;
import org.triggerpoint.clinic.events.session.TriggerPointId;
import org.triggerpoint.clinic.events.session.TriggerPointIdentified;
import org.triggerpoint.clinic.events.session.TriggerPointKind;
import org.triggerpoint.clinic.events.session.TriggerPointReleased;
import org.triggerpoint.clinic.events.therapist.TherapistId;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** One session's history, step by step, for the "given" part of session tests: a neck-pain session on 4 March 2025. */
final class SessionEvents {

    static final SessionId SESSION = SessionId.of("0195a3c0-0000-7000-8000-000000005e55");
    static final ClientId CLIENT = ClientId.of("0195a3c0-0000-7000-8000-00000000c001");
    static final TherapistId THERAPIST = TherapistId.of("0195a3c0-0000-7000-8000-0000000000a1");
    static final TriggerPointId TRIGGER_POINT = TriggerPointId.of("0195a3c0-0000-7000-8000-0000000007b1");

    private SessionEvents() {
    }

    /** 4 March 2025 at the given UTC time, e.g. {@code at("09:05")}. */
    static Instant at(String time) {
        return Instant.parse("2025-03-04T" + time + ":00Z");
    }

    static SessionStarted started() {
        return new SessionStarted(SESSION, CLIENT, THERAPIST, at("09:00"));
    }

    static AssessmentRecorded assessed() {
        return new AssessmentRecorded(SESSION, CLIENT, new PainScore(7),
                new FreeText("Aching right temple, worse after screen work"), new FreeText("Head forward, shoulders up"),
                List.of(new FreeText("Turning the head to the right")), List.of(BodyRegion.NECK),
                List.of(new RangeOfMotion("cervical spine", "rotation", Side.RIGHT, 55, true)), at("09:05"));
    }

    static TriggerPointIdentified triggerPointIdentified() {
        return new TriggerPointIdentified(SESSION, CLIENT, TRIGGER_POINT, Muscle.UPPER_TRAPEZIUS, Side.RIGHT,
                TriggerPointKind.ACTIVE, new FreeText("Refers to the right temple"), LocalTwitchResponse.VISIBLE,
                new PressurePainThreshold(new BigDecimal("2.5")), at("09:15"));
    }

    static TriggerPointReleased triggerPointReleased() {
        return new TriggerPointReleased(SESSION, CLIENT, TRIGGER_POINT, PressureTechnique.STATIC, new HoldDuration(90),
                TissueResponse.RELEASED, true, new PressurePainThreshold(new BigDecimal("4.0")), at("09:20"));
    }

    static SessionCompleted completed() {
        return new SessionCompleted(SESSION, CLIENT, new PainScore(3), new FreeText("Temple ache eased"), at("09:50"));
    }
}
