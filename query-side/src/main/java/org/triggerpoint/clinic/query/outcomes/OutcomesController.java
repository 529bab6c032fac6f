package org.triggerpoint.clinic.query.outcomes;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.triggerpoint.clinic.query.projections.ServedFrom;
import org.triggerpoint.clinic.query.projections.View;
import org.triggerpoint.clinic.query.web.InvalidQuery;

/** Outcome analytics for analysts: de-identified totals per condition, muscle, pressure, therapist or month. */
@RestController
@ServedFrom(View.OUTCOMES)
class OutcomesController {

    private final OutcomeRollups rollups;

    OutcomesController(OutcomeRollups rollups) {
        this.rollups = rollups;
    }

    @GetMapping("/api/analytics/outcomes")
    @Operation(summary = "Treatment outcomes per group (ANALYST)", description = """
            Completed (signed) sessions only, after amendments (corrected scores count). Per group: sessions, distinct \
            clients, mean pain reduction (painScore − postSessionPainScore, NPRS points), MCID rate (reduction of at \
            least 2 points or at least 30 % of painScore; with painScore 0 only the 2-point rule), soreness rate \
            (share of sessions with a soreness report of severity 1 or more) and sorenessResolvedWithin48hRate: \
            among those sore sessions, the share with a report saying resolved at hoursAfterSession 48 or less \
            (that report may have severity 0); null when no session in the group was sore. Rates are fractions \
            0–1. A session counts once in each of its groups. Groups of fewer than 5 distinct clients are left out \
            and counted in suppressedGroups. No names, birth dates, notes or client ids are ever answered.""")
    OutcomesAnswer outcomes(
            @Parameter(description = "condition (the client's presenting conditions from their latest intake "
                    + "recorded before the session was signed), muscle (each muscle with a trigger point identified "
                    + "in the session), pressure (each pressure technique used in a release), therapist (the "
                    + "therapist's id) or month (YYYY-MM of the session's start, UTC)")
            @RequestParam(required = false) String groupBy,
            @Parameter(description = "first month included, as an ISO date or YYYY-MM; matched on the month (UTC) "
                    + "the session started, so 2025-03-15 includes all of March 2025")
            @RequestParam(required = false) String from,
            @Parameter(description = "last month included, as an ISO date or YYYY-MM, matched on the month the "
                    + "session started; not before from")
            @RequestParam(required = false) String to) {
        Grouping grouping = Grouping.named(groupBy).orElseThrow(() -> new InvalidQuery("groupBy",
                "groupBy must be one of " + Grouping.allNames() + (groupBy == null ? "" : ", was '" + groupBy + "'")));
        MonthRange range = MonthRange.of(from, to);
        return OutcomesAnswer.of(grouping, range, rollups.outcomesBy(grouping, range));
    }
}
