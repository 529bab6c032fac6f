package org.triggerpoint.clinic.events.storage;

import org.assertj.core.data.Offset;
import org.axonframework.common.IdentifierFactory;
import org.axonframework.eventhandling.GenericEventMessage;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

class TimeOrderedIdsTest {

    @Test
    void anIdIsAVersion7UuidThatCarriesTheMillisecondItWasMadeAt() {
        long madeAt = Instant.parse("2026-11-27T08:00:00.123Z").toEpochMilli();

        UUID id = TimeOrderedIds.at(madeAt);

        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
        assertThat(id.getMostSignificantBits() >>> 16).isEqualTo(madeAt);
    }

    @Test
    void idsMadeInLaterMillisecondsSortAfterEarlierOnesAsPostgresqlComparesThem() {
        long start = Instant.parse("2026-11-27T08:00:00Z").toEpochMilli();
        List<UUID> madeInOrder = new ArrayList<>();
        for (int millis = 0; millis < 2_000; millis++) {
            madeInOrder.add(TimeOrderedIds.at(start + millis));
        }
        List<String> asText = new ArrayList<>(madeInOrder.stream().map(UUID::toString).toList());

        Collections.shuffle(asText);
        Collections.sort(asText);

        assertThat(asText).containsExactlyElementsOf(madeInOrder.stream().map(UUID::toString).toList());
    }

    @Test
    void idsMadeInTheSameMillisecondOnManyThreadsAreAllDifferent() throws Exception {
        long sameMillisecond = System.currentTimeMillis();
        Set<UUID> seen = ConcurrentHashMap.newKeySet();
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> made = new ArrayList<>();
            for (int thread = 0; thread < 8; thread++) {
                made.add(threads.submit(() -> {
                    for (int i = 0; i < 25_000; i++) {
                        seen.add(TimeOrderedIds.at(sameMillisecond));
                    }
                }));
            }
            for (Future<?> done : made) {
                done.get();
            }
        } finally {
            threads.shutdown();
        }

        assertThat(seen).hasSize(200_000);
    }

    @Test
    void axonNamesEveryMessageWithIt() {
        assertThat(IdentifierFactory.getInstance()).isInstanceOf(TimeOrderedIds.class);
        UUID eventId = UUID.fromString(GenericEventMessage.asEventMessage("stored").getIdentifier());

        assertThat(eventId.version()).isEqualTo(7);
        assertThat(eventId.getMostSignificantBits() >>> 16)
                .isCloseTo(System.currentTimeMillis(), Offset.offset(60_000L));
    }
}
