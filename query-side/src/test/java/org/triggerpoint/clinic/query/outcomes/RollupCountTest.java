package org.triggerpoint.clinic.query.outcomes;

import org.junit.jupiter.api.Test;
import org.triggerpoint.clinic.events.client.PresentingCondition;
import org.triggerpoint.clinic.events.session.Muscle;
import org.triggerpoint.clinic.events.session.PressureTechnique;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Counting a rebuild's sessions a portion of whole clients at a time comes to the rollups that counting them all at
 * once, as one batch of changes, would write.
 */
class RollupCountTest {

    private static final Random RANDOM = new Random(20261207L);
    private static final List<UUID> THERAPISTS = IntStream.range(0, 3).mapToObj(any -> UUID.randomUUID()).toList();

    @Test
    void sessionsCountedInPortionsOfWholeClientsAddUpToThemAllCountedAtOnce() {
        List<SessionOutcome> sessions = new ArrayList<>();
        for (int client = 0; client < 40; client++) {
            UUID clientId = UUID.randomUUID();
            for (int session = RANDOM.nextInt(8); session >= 0; session--) {
                sessions.add(signedSession(clientId));
            }
        }
        sessions.sort(Comparator.comparing(SessionOutcome::clientId));
        RollupChanges allAtOnce = new RollupChanges();
        sessions.forEach(allAtOnce::count);

        RollupCount inPortions = new RollupCount();
        List<SessionOutcome> portion = new ArrayList<>();
        for (SessionOutcome session : sessions) {
            if (portion.size() >= 10 && !portion.get(portion.size() - 1).clientId().equals(session.clientId())) {
                inPortions.add(portion);
                portion = new ArrayList<>();
            }
            portion.add(session);
        }
        inPortions.add(portion);

        assertThat(inPortions.sessions()).isEqualTo(sessions.size());
        assertThat(inPortions.totals()).isNotEmpty().isEqualTo(allAtOnce.totals());
        assertThat(inPortions.visits()).isNotEmpty().isEqualTo(allAtOnce.visits(Map.of()));
    }

    private static SessionOutcome signedSession(UUID clientId) {
        SessionOutcome session = SessionOutcome.started(clientId, THERAPISTS.get(RANDOM.nextInt(THERAPISTS.size())),
                        YearMonth.of(2025, 1 + RANDOM.nextInt(6)))
                .assessed(RANDOM.nextInt(11))
                .withTriggerPointIn(Muscle.values()[RANDOM.nextInt(4)])
                .withReleaseBy(PressureTechnique.values()[RANDOM.nextInt(PressureTechnique.values().length)]);
        return session.completed(RANDOM.nextInt(11), Set.of(PresentingCondition.values()[RANDOM.nextInt(3)]))
                .withSorenessReport(24, RANDOM.nextInt(4), RANDOM.nextBoolean());
    }
}
