package org.triggerpoint.clinic.benchmark;

import org.HdrHistogram.Recorder;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

/**
 * One client of the command side, as a therapist at work: whole sessions (start, assessment, one to four trigger
 * points identified and released, a technique, completion, a soreness report), a new client (registration with
 * consent, intake) every fifth session. Optionally paced to a fixed number of commands per second, and recording each
 * command's latency (request sent to answer read).
 */
final class Therapist {

    private static final List<String> MUSCLES = List.of("UPPER_TRAPEZIUS", "TEMPORALIS", "MASSETER",
            "STERNOCLEIDOMASTOID", "SCALENES", "SUBOCCIPITALS", "SPLENIUS_CAPITIS");
    private static final List<String> CONDITIONS = List.of("NECK_SHOULDER_OR_JAW_TENSION",
            "TENSION_HEADACHE_OR_MIGRAINE", "POSTURAL_OR_REPETITIVE_STRAIN", "MYOFASCIAL_PAIN_SYNDROME",
            "RESTRICTED_MOBILITY");
    private static final List<String> PRESSURES = List.of("STATIC", "INCREMENTAL");
    private static final List<String> TECHNIQUES = List.of("MYOFASCIAL_STRETCHING", "NEUROMUSCULAR_REEDUCATION",
            "GENTLE_MOVEMENT");

    final String username;
    final String authorization;
    final String therapistId;
    private final Api api;
    private final String commandUrl;
    private String clientId;
    private int sessionsOfClient;
    private int clientNumber;

    /** Counts and latencies of the current phase; set by the phase before it starts the workers. */
    volatile LongAdder commands = new LongAdder();
    volatile Recorder latency;
    volatile long nanosBetweenCommands;
    private long nextCommandAt;
    String lastToken;
    /** Once set, no more commands are sent: {@link Stopped} ends the session there. */
    volatile boolean stop;

    static final class Stopped extends RuntimeException {
        Stopped() {
            super(null, null, false, false);
        }
    }

    Therapist(Api api, String commandUrl, String username, String password, String therapistId) {
        this.api = api;
        this.commandUrl = commandUrl;
        this.username = username;
        this.authorization = Api.basic(username, password);
        this.therapistId = therapistId;
    }

    String currentClient() {
        return clientId;
    }

    /** A new client of this therapist: registration (with consent) and intake. */
    String newClient() {
        clientNumber++;
        ThreadLocalRandom random = ThreadLocalRandom.current();
        Api.Answer registered = command("/api/clients", """
                {"givenName":"Avery","familyName":"Quinlan-%s-%d","dateOfBirth":"1984-03-12",
                 "email":"avery@example.org","phone":"+1 555 0100","consentToTreatment":true,
                 "consentToDataProcessing":true}""".formatted(username, clientNumber));
        clientId = registered.text("clientId");
        command("/api/clients/" + clientId + "/intake", """
                {"conditions":["%s","%s"],"history":"Desk work, headaches since spring","goals":"Turn head freely"}"""
                .formatted(CONDITIONS.get(random.nextInt(CONDITIONS.size())),
                        CONDITIONS.get(random.nextInt(CONDITIONS.size()))));
        sessionsOfClient = 0;
        return clientId;
    }

    /** One whole session, for the current client (a new one every fifth session). */
    void session() {
        if (clientId == null || sessionsOfClient >= 5) {
            newClient();
        }
        sessionFor(clientId);
        sessionsOfClient++;
    }

    void sessionFor(String client) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String sessionId = command("/api/sessions", """
                {"clientId":"%s","therapistId":"%s"}""".formatted(client, therapistId)).text("sessionId");
        String session = "/api/sessions/" + sessionId;
        command(session + "/assessment", """
                {"painScore":%d,"painPattern":"Ache from neck to temple","posture":"Forward head",
                 "movementRestrictions":["Cervical rotation left limited"],"regions":["NECK"],
                 "rangeOfMotion":[{"joint":"CERVICAL","movement":"ROTATION","side":"LEFT","degrees":45,"active":true}]}"""
                .formatted(4 + random.nextInt(6)));
        int triggerPoints = 1 + random.nextInt(4);
        int firstMuscle = random.nextInt(MUSCLES.size());
        for (int i = 0; i < triggerPoints; i++) {
            String triggerPoint = command(session + "/trigger-points", """
                    {"muscle":"%s","side":"%s","kind":"ACTIVE","referralPattern":"Temple and behind the eye",
                     "localTwitchResponse":"VISIBLE","pressurePainThreshold":2.5}"""
                    .formatted(MUSCLES.get((firstMuscle + i) % MUSCLES.size()), random.nextBoolean() ? "LEFT" : "RIGHT"))
                    .text("triggerPointId");
            command(session + "/trigger-points/" + triggerPoint + "/release", """
                    {"pressure":"%s","holdSeconds":60,"tissueResponse":"RELEASED","referredSensationReproduced":true,
                     "pressurePainThresholdAfter":3.5}""".formatted(PRESSURES.get(random.nextInt(PRESSURES.size()))));
        }
        command(session + "/techniques", """
                {"technique":"%s","notes":"Gentle lateral neck stretch"}"""
                .formatted(TECHNIQUES.get(random.nextInt(TECHNIQUES.size()))));
        command(session + "/complete", """
                {"postSessionPainScore":%d,"notes":"Less pain turning head"}""".formatted(random.nextInt(4)));
        command(session + "/soreness", """
                {"hoursAfterSession":24,"severity":%d,"resolved":%s,"notes":"Mild, gone by evening"}"""
                .formatted(random.nextInt(5), random.nextBoolean()));
    }

    /** Paces the phase from now on: a command every {@code nanos} (0: as fast as answers come). */
    void pace(long nanos) {
        nanosBetweenCommands = nanos;
        nextCommandAt = System.nanoTime() + (nanos == 0 ? 0 : ThreadLocalRandom.current().nextLong(nanos));
    }

    Api.Answer command(String path, String json) {
        if (stop) {
            throw new Stopped();
        }
        long pause = nanosBetweenCommands;
        if (pause > 0) {
            long wait = nextCommandAt - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            nextCommandAt = Math.max(nextCommandAt + pause, System.nanoTime() - pause);
        }
        long started = System.nanoTime();
        Api.Answer answer = api.post(commandUrl + path, authorization, json);
        long nanos = System.nanoTime() - started;
        Api.expect(answer, "POST " + path, 201, 204);
        commands.increment();
        Recorder recorder = latency;
        if (recorder != null) {
            recorder.recordValue(Math.max(1, nanos / 1_000));
        }
        lastToken = answer.consistencyToken();
        return answer;
    }
}
