package org.triggerpoint.clinic.events.storage;

import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.DefaultDeserializationContext;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StoredInstantsTest {

    private static final long YEAR_0 = Instant.parse("0000-01-01T00:00:00Z").getEpochSecond();
    private static final long YEAR_10000 = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();

    private final ObjectMapper stored = EventJson.newObjectMapper();
    private final ObjectMapper jacksons = JsonMapper.builder().addModule(new JavaTimeModule()).build();

    @Test
    void readsEveryTimeAsInstantWritesItFromYear0To9999AtEachPrecision() throws Exception {
        Random random = new Random(20261127);
        for (int i = 0; i < 20_000; i++) {
            long second = YEAR_0 + (long) (random.nextDouble() * (YEAR_10000 - YEAR_0));
            int nanos = switch (i % 4) {
                case 0 -> 0;
                case 1 -> random.nextInt(1_000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1_000;
                default -> random.nextInt(1_000_000_000);
            };
            Instant time = Instant.ofEpochSecond(second, nanos);

            assertThat(StoredInstants.parse(time.toString())).as(time.toString()).isEqualTo(time);
            assertThat(stored.readValue(stored.writeValueAsString(time), Instant.class)).isEqualTo(time);
        }
    }

    @Test
    void theEventMapperReadsTimesWithItNotWithJacksonsReader() throws Exception {
        DeserializationContext reading = ((DefaultDeserializationContext) stored.getDeserializationContext())
                .createDummyInstance(stored.getDeserializationConfig());

        assertThat(reading.findRootValueDeserializer(stored.constructType(Instant.class)))
                .isInstanceOf(StoredInstants.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"2026-11-27T08:01:49+01:00\"", "\"2026-11-27T07:01:49.5+00:00\"", "1700000000",
            "1700000000.5", "\"1700000000\"", "\"2024-02-29T23:59:59.5Z\"", "\"2026-11-27T24:00:00Z\"",
            "\"  2026-11-27T07:01:49Z\"", "\"+12026-11-27T07:01:49Z\"", "\"2026-11-27T07:01:49.Z\"",
            "\"2026-11-27t07:01:49Z\""})
    void readsAnyOtherFormAsJacksonsOwnReaderDoes(String json) throws Exception {
        assertThat(StoredInstants.parse(json.replace("\"", ""))).isIn(null, jacksons.readValue(json, Instant.class));
        assertThat(stored.readValue(json, Instant.class)).isEqualTo(jacksons.readValue(json, Instant.class));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"2026-02-29T00:00:00Z\"", "\"2026-11-31T00:00:00Z\"", "\"2026-13-01T00:00:00Z\"",
            "\"2026-11-27T07:60:00Z\"", "\"2026-11-27T07:01:49.1234567890Z\"", "\"2026-11-27T07:01:4xZ\"",
            "\"2026-11-27T07:01Z\"", "\"not a time\"", "true"})
    void refusesWhatJacksonsOwnReaderRefuses(String json) {
        assertThat(StoredInstants.parse(json.replace("\"", ""))).isNull();
        assertThatThrownBy(() -> jacksons.readValue(json, Instant.class));
        assertThatThrownBy(() -> stored.readValue(json, Instant.class));
    }
}
