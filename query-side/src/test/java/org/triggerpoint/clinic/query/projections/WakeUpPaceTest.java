package org.triggerpoint.clinic.query.projections;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The views hear of a commit or two at once; while commits stream in, once per interval. */
class WakeUpPaceTest {

    private static final long MS = 1_000_000;
    private static final Duration INTERVAL = Duration.ofMillis(20);

    private final WakeUpPace pace = new WakeUpPace(INTERVAL, 2, 1_000 * MS);

    @Test
    void theFirstCommitsAfterAQuietSpellWakeTheViewsAtOnce() {
        assertThat(pace.delayOfNext(5_000 * MS)).isZero();
        assertThat(pace.delayOfNext(5_003 * MS)).isZero();
    }

    @Test
    void whileCommitsStreamInTheViewsAreWokenOncePerInterval() {
        long now = 5_000 * MS;
        pace.delayOfNext(now);
        pace.delayOfNext(now + MS);

        // Both wake-ups of the burst are spent: the third waits for the pace, which counts from the first.
        long third = pace.delayOfNext(now + 2 * MS);
        assertThat(third).isEqualTo(20 * MS - 2 * MS);
        long fourth = pace.delayOfNext(now + 20 * MS);
        assertThat(fourth).isEqualTo(20 * MS);
    }

    @Test
    void aWakeUpThatWaitedCountsFromWhenItWasGiven() {
        long now = 5_000 * MS;
        pace.delayOfNext(now);
        pace.delayOfNext(now);
        pace.delayOfNext(now);          // given at +20 ms

        // The listener slept until then and heard of the next commit at +25 ms: the pace's next slot is +40 ms.
        assertThat(pace.delayOfNext(now + 25 * MS)).isEqualTo(15 * MS);
    }

    @Test
    void aQuietSpellRestoresTheBurst() {
        long now = 5_000 * MS;
        long givenAt = now;
        for (int i = 0; i < 5; i++) {
            givenAt = now + pace.delayOfNext(now);
        }
        assertThat(givenAt).isEqualTo(now + 60 * MS);
        long later = givenAt + 2 * 20 * MS;

        assertThat(pace.delayOfNext(later)).isZero();
        assertThat(pace.delayOfNext(later)).isZero();
        assertThat(pace.delayOfNext(later)).isEqualTo(20 * MS);
    }

    @Test
    void withoutAnIntervalEveryCommitWakesTheViewsAtOnce() {
        WakeUpPace everyCommit = new WakeUpPace(Duration.ZERO, 2, 0);

        for (int i = 0; i < 100; i++) {
            assertThat(everyCommit.delayOfNext(i)).isZero();
        }
    }

    @Test
    void aNegativeIntervalOrNoBurstIsRefused() {
        assertThatThrownBy(() -> new WakeUpPace(Duration.ofMillis(-1), 2, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new WakeUpPace(INTERVAL, 0, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
