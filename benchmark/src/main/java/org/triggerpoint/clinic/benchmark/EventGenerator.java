package org.triggerpoint.clinic.benchmark;

import org.axonframework.common.jdbc.DataSourceConnectionProvider;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.Serializer;
import org.postgresql.ds.PGSimpleDataSource;
import org.triggerpoint.clinic.events.client.ClientDetails;
import org.triggerpoint.clinic.events.client.ClientId;
import org.triggerpoint.clinic.events.client.ClientRegistered;
import org.triggerpoint.clinic.events.client.IntakeRecorded;
import org.triggerpoint.clinic.events.client.PresentingCondition;
import org.triggerpoint.clinic.events.session.AssessmentRecorded;
import org.triggerpoint.clinic.events.session.BodyRegion;
import org.triggerpoint.clinic.events.session.FollowUpTechnique;
import org.triggerpoint.clinic.events.session.HoldDuration;
import org.triggerpoint.clinic.events.session.HoursAfterSession;
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
import org.triggerpoint.clinic.events.session.SorenessReported;
import org.triggerpoint.clinic.events.session.SorenessSeverity;
import org.triggerpoint.clinic.events.session.TechniqueApplied;
import org.triggerpoint.clinic.events.session.TissueResponse;
import org.triggerpoint.clinic.events.session.TriggerPointId;
import org.triggerpoint.clinic.events.session.TriggerPointIdentified;
import org.triggerpoint.clinic.events.session.TriggerPointKind;
import org.triggerpoint.clinic.events.session.TriggerPointReleased;
import org.triggerpoint.clinic.events.storage.ClientKeyring;
import org.triggerpoint.clinic.events.storage.EventJson;
import org.triggerpoint.clinic.events.storage.EventStoreLayout;
import org.triggerpoint.clinic.events.storage.PersonalDataCipher;
import org.triggerpoint.clinic.events.therapist.TherapistId;
import org.triggerpoint.clinic.events.FreeText;

import javax.crypto.SecretKey;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Whole clients and sessions appended through Axon's JDBC storage engine with the stored form of both sides
 * ({@link EventJson}, {@link EventStoreLayout}), not over HTTP: the events a rebuild reads. Client keys are written to
 * {@code privacy.client_key} as the command side does, so the query side can read the personal values.
 */
final class EventGenerator {

    private static final Muscle[] MUSCLES = Muscle.values();
    private static final PresentingCondition[] CONDITIONS = PresentingCondition.values();
    private static final int WRITERS = 2;

    private final BenchClinic clinic;
    private final List<String> therapistIds;
    private final Map<ClientId, SecretKey> keys = new ConcurrentHashMap<>();
    private final JdbcEventStorageEngine engine;

    EventGenerator(BenchClinic clinic, List<String> therapistIds) {
        this.clinic = clinic;
        this.therapistIds = therapistIds;
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(clinic.databaseUrl);
        dataSource.setUser(clinic.user);
        dataSource.setPassword(clinic.password);
        Serializer serializer = EventJson.newSerializer(new ClientKeyring() {
            @Override
            public SecretKey keyForWriting(ClientId clientId) {
                return keys.computeIfAbsent(clientId, any -> PersonalDataCipher.newKey());
            }

            @Override
            public Optional<SecretKey> keyForReading(ClientId clientId) {
                return Optional.ofNullable(keys.get(clientId));
            }
        });
        engine = EventStoreLayout.storageEngine()
                .connectionProvider(new DataSourceConnectionProvider(dataSource))
                .transactionManager(NoTransactionManager.INSTANCE)
                .eventSerializer(serializer)
                .snapshotSerializer(serializer)
                .build();
    }

    /**
     * Appends at least {@code count} events, in batches of about a thousand from two writers at once (the machine has
     * two cores: one writer leaves one idle while its batch is inserted); returns how many.
     */
    long generate(long count) throws Exception {
        AtomicLong appended = new AtomicLong();
        ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
        List<Future<?>> running = new ArrayList<>();
        for (int writer = 0; writer < WRITERS; writer++) {
            running.add(writers.submit(() -> {
                List<DomainEventMessage<?>> batch = new ArrayList<>();
                List<ClientId> clients = new ArrayList<>();
                while (appended.get() < count) {
                    clients.add(client(batch));
                    if (batch.size() >= 1000) {
                        append(batch, clients, appended);
                    }
                }
                append(batch, clients, appended);
                return null;
            }));
        }
        writers.shutdown();
        for (Future<?> writer : running) {
            writer.get();
        }
        return appended.get();
    }

    /** The batch's client keys first (the command side writes both in one transaction), then its events. */
    private void append(List<DomainEventMessage<?>> batch, List<ClientId> clients, AtomicLong appended)
            throws SQLException {
        if (batch.isEmpty()) {
            return;
        }
        storeKeys(clients);
        engine.appendEvents(batch);
        appended.addAndGet(batch.size());
        batch.clear();
        clients.clear();
    }

    /** A client with an intake and five whole sessions, added to {@code batch}; returns the client. */
    private ClientId client(List<DomainEventMessage<?>> batch) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        ClientId client = new ClientId(UUID.randomUUID());
        keys.put(client, PersonalDataCipher.newKey());
        String clientStream = client.value().toString();
        Instant at = Instant.now().minus(random.nextInt(700), ChronoUnit.DAYS);
        batch.add(event("Client", clientStream, 0, new ClientRegistered(client,
                new ClientDetails("Avery", "Quinlan", java.time.LocalDate.of(1984, 3, 12), "avery@example.org",
                        "+1 555 0100"), at)));
        batch.add(event("Client", clientStream, 1, new IntakeRecorded(client,
                java.util.EnumSet.of(CONDITIONS[random.nextInt(CONDITIONS.length)], CONDITIONS[random.nextInt(CONDITIONS.length)]),
                new FreeText("Desk work, headaches since spring"), new FreeText("Turn head freely"), at)));
        TherapistId therapist = TherapistId.of(therapistIds.get(random.nextInt(therapistIds.size())));
        for (int s = 0; s < 5; s++) {
            at = at.plus(7, ChronoUnit.DAYS);
            SessionId session = new SessionId(UUID.randomUUID());
            String stream = session.value().toString();
            long sequence = 0;
            batch.add(event("Session", stream, sequence++, new SessionStarted(session, client, therapist, at)));
            batch.add(event("Session", stream, sequence++, new AssessmentRecorded(session, client,
                    new PainScore(4 + random.nextInt(6)), new FreeText("Ache from neck to temple"),
                    new FreeText("Forward head"), List.of(new FreeText("Cervical rotation left limited")),
                    List.of(BodyRegion.NECK), List.of(new RangeOfMotion("CERVICAL", "ROTATION", Side.LEFT, 45, true)),
                    at)));
            int triggerPoints = 1 + random.nextInt(4);
            int firstMuscle = random.nextInt(MUSCLES.length);
            for (int t = 0; t < triggerPoints; t++) {
                TriggerPointId triggerPoint = new TriggerPointId(UUID.randomUUID());
                batch.add(event("Session", stream, sequence++, new TriggerPointIdentified(session, client,
                        triggerPoint, MUSCLES[(firstMuscle + t) % MUSCLES.length],
                        random.nextBoolean() ? Side.LEFT : Side.RIGHT, TriggerPointKind.ACTIVE,
                        new FreeText("Temple and behind the eye"), LocalTwitchResponse.VISIBLE,
                        new PressurePainThreshold(new BigDecimal("2.5")), at)));
                batch.add(event("Session", stream, sequence++, new TriggerPointReleased(session, client, triggerPoint,
                        random.nextBoolean() ? PressureTechnique.STATIC : PressureTechnique.INCREMENTAL,
                        new HoldDuration(60), TissueResponse.RELEASED, true,
                        new PressurePainThreshold(new BigDecimal("3.5")), at)));
            }
            batch.add(event("Session", stream, sequence++, new TechniqueApplied(session, client,
                    FollowUpTechnique.MYOFASCIAL_STRETCHING, new FreeText("Gentle lateral neck stretch"), at)));
            batch.add(event("Session", stream, sequence++, new SessionCompleted(session, client,
                    new PainScore(random.nextInt(4)), new FreeText("Less pain turning head"), at)));
            batch.add(event("Session", stream, sequence, new SorenessReported(session, client,
                    new HoursAfterSession(24), new SorenessSeverity(random.nextInt(5)), random.nextBoolean(),
                    new FreeText("Mild, gone by evening"), at.plus(1, ChronoUnit.DAYS))));
        }
        return client;
    }

    private static DomainEventMessage<?> event(String type, String stream, long sequence, Object payload) {
        return new GenericDomainEventMessage<>(type, stream, sequence, payload,
                MetaData.with("actor", "bench-generator").and("actorRoles", List.of("THERAPIST")));
    }

    private void storeKeys(List<ClientId> clients) throws SQLException {
        try (Connection connection = clinic.connect();
             PreparedStatement insert = connection.prepareStatement(
                     "insert into privacy.client_key (client_id, data_key) values (?, ?) on conflict do nothing")) {
            for (ClientId client : clients) {
                insert.setObject(1, client.value());
                insert.setBytes(2, keys.get(client).getEncoded());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }
}
