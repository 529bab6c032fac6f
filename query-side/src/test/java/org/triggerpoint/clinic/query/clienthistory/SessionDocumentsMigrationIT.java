package org.triggerpoint.clinic.query.clienthistory;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.triggerpoint.clinic.events.client.PresentingCondition;
import org.triggerpoint.clinic.events.session.Muscle;
import org.triggerpoint.clinic.events.session.Side;
import org.triggerpoint.clinic.events.session.TissueResponse;
import org.triggerpoint.clinic.events.session.TriggerPointKind;
import org.triggerpoint.clinic.localpostgres.TestDatabase;
import org.triggerpoint.clinic.query.clienthistory.HistoryTables.ClientSession;
import org.triggerpoint.clinic.query.clienthistory.HistoryTables.Stored;
import org.triggerpoint.clinic.query.projections.BatchLookups;

import javax.sql.DataSource;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * V9 on a view written before it, when each session's document was jsonb: the migrated rows are, to the byte, the rows
 * the projection writes now (and so a rebuild), and the history reads as it did before the upgrade.
 */
class SessionDocumentsMigrationIT {

    private static final Instant MONDAY = Instant.parse("2026-03-02T09:00:00Z");
    /** Characters a JSON writer must escape, or may write in more than one way. */
    private static final String AWKWARD_TEXT =
            "tab\t, line\u2028, unit\u001F, bell\u0007, \"quoted\" \\ / é \uD83D\uDE00 </script>";
    /** As Spring Boot sets up the web layer's mapper. */
    private static final ObjectMapper WEB_JSON = Jackson2ObjectMapperBuilder.json()
            .featuresToDisable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    @Test
    void aViewWrittenBeforeV9ReadsAfterItExactlyAsTheProjectionWritesItNow() {
        FoldedStory avery = FoldedStory.of(ClientStory.registered("Avery", "Quinlan", MONDAY)
                .intakeRecorded("Desk work", PresentingCondition.RESTRICTED_MOBILITY)
                .signedSession(7, Muscle.UPPER_TRAPEZIUS, 3)
                .sorenessReported(24, 3, true)
                .painScoreAmended(7, 6, AWKWARD_TEXT)
                .sessionStarted().assessed(6)
                .triggerPointIdentified(Muscle.LEVATOR_SCAPULAE, Side.RIGHT, TriggerPointKind.LATENT, "0.00000001")
                .released(TissueResponse.PARTIAL, "1e1")
                .triggerPointIdentified(Muscle.GLUTEUS_MEDIUS, Side.BILATERAL, TriggerPointKind.ACTIVE, null)
                .completed(2, AWKWARD_TEXT)
                .sessionStarted());
        try (TestDatabase database = TestDatabase.create()) {
            DataSource dataSource = new DriverManagerDataSource(database.url(), database.user(), database.password());
            JdbcClient jdbc = JdbcClient.create(dataSource);
            HistoryTables tables = new HistoryTables(jdbc, new NamedParameterJdbcTemplate(dataSource),
                    new BatchLookups(dataSource));
            migrations(dataSource).target("8").load().migrate();
            storedAsBeforeV9(jdbc, avery);

            migrations(dataSource).load().migrate();

            List<String> migrated = documents(jdbc);
            assertThat(migrated).containsExactlyElementsOf(
                    avery.sessions().stream().map(HistoryDocuments::write).toList());
            assertThat(jdbc.sql("select facts::text from query.history_session order by started_at, session_id")
                    .query((rs, row) -> HistoryDocuments.read(rs.getBytes(1), SessionFacts.class)).list())
                    .containsExactlyElementsOf(avery.sessions().stream().map(SessionFacts::of).toList());
            assertThat(HistoryOfValues.answered(tables.history(avery.client().clientId()).orElseThrow(), WEB_JSON))
                    .isEqualTo(HistoryOfValues.answered(HistoryOfValues.of(avery, null), WEB_JSON));

            tables.saveSessions(avery.sessions().stream()
                    .map(session -> new ClientSession(avery.client().clientId(), new Stored<>(session, 1)))
                    .toList());
            assertThat(documents(jdbc)).as("as the projection writes them").isEqualTo(migrated);
        }
    }

    private static FluentConfiguration migrations(DataSource dataSource) {
        return Flyway.configure().dataSource(dataSource).schemas("query").defaultSchema("query")
                .locations("classpath:db/migration");
    }

    /** As the view wrote its rows up to V8: each document as jsonb. */
    private static void storedAsBeforeV9(JdbcClient jdbc, FoldedStory story) {
        ClientRecord client = story.client();
        jdbc.sql("""
                        insert into query.history_client
                            (client_id, given_name, family_name, date_of_birth, registered_at, doc, last_position)
                        values (?, ?, ?, ?, ?, cast(? as jsonb), 1)""")
                .params(client.clientId(), client.details().givenName(), client.details().familyName(),
                        client.details().dateOfBirth(), client.registeredAt().atOffset(ZoneOffset.UTC),
                        HistoryDocuments.write(client))
                .update();
        for (SessionRecord session : story.sessions()) {
            jdbc.sql("""
                            insert into query.history_session (session_id, client_id, started_at, doc, last_position)
                            values (?, ?, ?, cast(? as jsonb), 1)""")
                    .params(session.sessionId(), client.clientId(), session.startedAt().atOffset(ZoneOffset.UTC),
                            HistoryDocuments.write(session))
                    .update();
        }
    }

    private static List<String> documents(JdbcClient jdbc) {
        return jdbc.sql("select doc::text from query.history_session order by started_at, session_id")
                .query(String.class).list();
    }
}
