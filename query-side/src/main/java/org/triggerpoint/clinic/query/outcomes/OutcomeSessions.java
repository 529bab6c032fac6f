package org.triggerpoint.clinic.query.outcomes;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.triggerpoint.clinic.query.projections.BatchLookups;
import org.springframework.stereotype.Repository;
import org.triggerpoint.clinic.events.client.PresentingCondition;
import org.triggerpoint.clinic.events.session.Muscle;
import org.triggerpoint.clinic.events.session.PressureTechnique;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

/** The projection's working state: each session's outcome so far, and each client's latest intake conditions. */
@Repository
class OutcomeSessions {

    /** A session's outcome with the global position of the last event applied to it. */
    record Stored(UUID sessionId, SessionOutcome outcome, long lastPosition) {
    }

    /** A client's presenting conditions from an intake, and that intake's global position. */
    record Intake(Set<PresentingCondition> conditions, long position) {
    }

    private static final int ROWS_PER_FETCH = 1_000;
    static final String SESSIONS_OF_CLIENTS = "select * from query.outcome_session where client_id = any(?)";

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate named;
    private final BatchLookups lookups;
    /** Reads in portions: PostgreSQL sends rows a portion at a time inside a transaction when asked to. */
    private final JdbcTemplate streaming;

    OutcomeSessions(JdbcClient jdbc, NamedParameterJdbcTemplate named, BatchLookups lookups) {
        this.jdbc = jdbc;
        this.named = named;
        this.lookups = lookups;
        this.streaming = new JdbcTemplate(named.getJdbcTemplate().getDataSource());
        this.streaming.setFetchSize(ROWS_PER_FETCH);
    }

    /**
     * Every signed session, handed over in portions of at least {@code portion} sessions as PostgreSQL sends them,
     * each portion holding all the sessions of its clients, so that they are never all in memory at once.
     */
    void signedSessionsByClient(int portion, Consumer<List<SessionOutcome>> sessionsOfClients) {
        List<SessionOutcome> sessions = new ArrayList<>();
        streaming.query("select * from query.outcome_session where completed order by client_id", rs -> {
            SessionOutcome session = outcome(rs);
            if (sessions.size() >= portion && !sessions.get(sessions.size() - 1).clientId().equals(session.clientId())) {
                sessionsOfClients.accept(List.copyOf(sessions));
                sessions.clear();
            }
            sessions.add(session);
        });
        if (!sessions.isEmpty()) {
            sessionsOfClients.accept(sessions);
        }
    }

    /**
     * Every session of each of {@code clientIds} the view holds, in one query: a client's sessions say which months
     * the client has in each group, which the distinct-client counts need.
     */
    List<Stored> sessionsOf(Collection<UUID> clientIds) {
        return lookups.sql(SESSIONS_OF_CLIENTS)
                .param(clientIds.toArray(UUID[]::new))
                .query((rs, row) -> new Stored(rs.getObject("session_id", UUID.class), outcome(rs),
                        rs.getLong("last_position")))
                .list();
    }

    /**
     * Stores newly started sessions; a redelivered start finds its session there already and changes nothing. One
     * statement batch for all of them.
     */
    void insertAll(Collection<Stored> started) {
        named.batchUpdate("""
                        insert into query.outcome_session (session_id, client_id, therapist_id, started_month,
                            pain_score, post_pain_score, completed, sore, resolved_within_48h, muscles, pressures,
                            conditions, last_position)
                        values (:sessionId, :clientId, :therapistId, :startedMonth, :painScore, :postPainScore,
                            :completed, :sore, :resolved, :muscles, :pressures, :conditions, :position)
                        on conflict (session_id) do nothing""",
                parameters(started));
    }

    /** The parts of sessions that change after they started, in one statement batch. */
    void updateAll(Collection<Stored> changed) {
        named.batchUpdate("""
                        update query.outcome_session set pain_score = :painScore, post_pain_score = :postPainScore,
                            completed = :completed, sore = :sore, resolved_within_48h = :resolved,
                            muscles = :muscles, pressures = :pressures, conditions = :conditions,
                            last_position = :position
                        where session_id = :sessionId""",
                parameters(changed));
    }

    /** The client's conditions from their latest intake; none if they have had no intake. */
    Set<PresentingCondition> conditionsOf(UUID clientId) {
        return conditionsOfAll(List.of(clientId)).get(clientId);
    }

    /** The conditions of each of {@code clientIds} from their latest intake, in one query; none without an intake. */
    Map<UUID, Set<PresentingCondition>> conditionsOfAll(Collection<UUID> clientIds) {
        Map<UUID, Set<PresentingCondition>> found = new HashMap<>();
        clientIds.forEach(clientId -> found.put(clientId, Set.of()));
        lookups.sql("select client_id, conditions from query.outcome_client where client_id = any(?)")
                .param(clientIds.toArray(UUID[]::new))
                .query(rs -> {
                    found.put(rs.getObject("client_id", UUID.class),
                            enums(rs.getArray("conditions"), PresentingCondition.class));
                });
        return found;
    }

    /**
     * Later intakes replace the conditions; a redelivered or older one (at or below the last position) does not.
     * One statement batch for all of them.
     */
    void recordIntakes(Map<UUID, Intake> intakes) {
        named.batchUpdate("""
                        insert into query.outcome_client as client (client_id, conditions, last_position)
                        values (:clientId, :conditions, :position)
                        on conflict (client_id) do update
                            set conditions = excluded.conditions, last_position = excluded.last_position
                            where client.last_position < excluded.last_position""",
                intakes.entrySet().stream().map(intake -> new MapSqlParameterSource()
                                .addValue("clientId", intake.getKey())
                                .addValue("conditions", names(intake.getValue().conditions()))
                                .addValue("position", intake.getValue().position()))
                        .toArray(SqlParameterSource[]::new));
    }

    void clear() {
        jdbc.sql("truncate query.outcome_session, query.outcome_client").update();
    }

    private static SqlParameterSource[] parameters(Collection<Stored> sessions) {
        return sessions.stream().map(session -> {
            SessionOutcome outcome = session.outcome();
            return new MapSqlParameterSource()
                    .addValue("sessionId", session.sessionId())
                    .addValue("clientId", outcome.clientId())
                    .addValue("therapistId", outcome.therapistId())
                    .addValue("startedMonth", outcome.startedMonth().atDay(1))
                    .addValue("painScore", outcome.painScore())
                    .addValue("postPainScore", outcome.postSessionPainScore())
                    .addValue("completed", outcome.completed())
                    .addValue("sore", outcome.sore())
                    .addValue("resolved", outcome.resolvedWithin48h())
                    .addValue("muscles", names(outcome.muscles()))
                    .addValue("pressures", names(outcome.pressures()))
                    .addValue("conditions", names(outcome.conditions()))
                    .addValue("position", session.lastPosition());
        }).toArray(SqlParameterSource[]::new);
    }

    private static SessionOutcome outcome(ResultSet rs) throws SQLException {
        return new SessionOutcome(
                rs.getObject("client_id", UUID.class),
                rs.getObject("therapist_id", UUID.class),
                YearMonth.from(rs.getObject("started_month", LocalDate.class)),
                rs.getObject("pain_score", Integer.class),
                rs.getObject("post_pain_score", Integer.class),
                rs.getBoolean("completed"),
                rs.getBoolean("sore"),
                rs.getBoolean("resolved_within_48h"),
                enums(rs.getArray("muscles"), Muscle.class),
                enums(rs.getArray("pressures"), PressureTechnique.class),
                enums(rs.getArray("conditions"), PresentingCondition.class));
    }

    private static String[] names(Set<? extends Enum<?>> values) {
        return values.stream().map(Enum::name).toArray(String[]::new);
    }

    private static <E extends Enum<E>> Set<E> enums(Array array, Class<E> type) throws SQLException {
        Set<E> values = EnumSet.noneOf(type);
        Arrays.stream((String[]) array.getArray()).map(name -> Enum.valueOf(type, name)).forEach(values::add);
        return values;
    }
}
