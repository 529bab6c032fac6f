package org.triggerpoint.clinic.query.clienthistory;

import org.triggerpoint.clinic.events.session.FollowUpTechnique;
import org.triggerpoint.clinic.events.session.TechniqueApplied;

import java.time.Instant;

/** A technique applied after release to reinforce the change. */
record Technique(FollowUpTechnique technique, String notes, Instant appliedAt) {

    static Technique of(TechniqueApplied applied) {
        return new Technique(applied.technique(), Plain.text(applied.notes()), applied.appliedAt());
    }
}
