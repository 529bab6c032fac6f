package org.triggerpoint.clinic.command.session;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.triggerpoint.clinic.command.common.Ids;
import org.triggerpoint.clinic.command.web.Commands;
import org.triggerpoint.clinic.events.FreeText;
import org.triggerpoint.clinic.events.client.ClientId;
import org.triggerpoint.clinic.events.session.AmendmentId;
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
import org.triggerpoint.clinic.events.session.SessionId;
import org.triggerpoint.clinic.events.session.SessionRecordValues;
import org.triggerpoint.clinic.events.session.Side;
import org.triggerpoint.clinic.events.session.SorenessSeverity;
import org.triggerpoint.clinic.events.session.TissueResponse;
import org.triggerpoint.clinic.events.session.TriggerPointId;
import org.triggerpoint.clinic.events.session.TriggerPointKind;
import org.triggerpoint.clinic.events.therapist.TherapistId;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Records a treatment session as it happens, then soreness reports and amendments after signing. */
@RestController
@RequestMapping(path = "/api/sessions", consumes = MediaType.APPLICATION_JSON_VALUE)
class SessionController {

    private static final int SHORT_TEXT = 2_000;

    private final Commands commands;
    private final Ids ids;
    private final Clock clock;

    SessionController(Commands commands, Ids ids, Clock clock) {
        this.commands = commands;
        this.ids = ids;
        this.clock = clock;
    }

    @PostMapping
    ResponseEntity<Map<String, String>> start(@Valid @RequestBody StartSessionRequest request) {
        SessionId sessionId = new SessionId(ids.next());
        Instant startedAt = request.startedAt() != null ? request.startedAt() : clock.instant();
        return commands.create(sessionId, new StartSession(sessionId, new ClientId(request.clientId()),
                        new TherapistId(request.therapistId()), startedAt),
                sessionId, "sessionId", "/api/sessions/" + sessionId);
    }

    @PostMapping("/{sessionId}/assessment")
    ResponseEntity<Void> recordAssessment(@PathVariable UUID sessionId,
                                          @Valid @RequestBody AssessmentRequest request) {
        SessionId id = new SessionId(sessionId);
        return commands.change(id, new RecordAssessment(id, new PainScore(request.painScore()),
                new FreeText(request.painPattern()), new FreeText(request.posture()),
                request.movementRestrictions().stream().map(FreeText::new).toList(),
                request.regions() == null ? List.of() : request.regions(),
                request.rangeOfMotion() == null ? List.of() : request.rangeOfMotion().stream()
                        .map(RangeOfMotionRequest::toRangeOfMotion).toList(),
                clock.instant()));
    }

    @PostMapping("/{sessionId}/trigger-points")
    ResponseEntity<Map<String, String>> identifyTriggerPoint(@PathVariable UUID sessionId,
                                                             @Valid @RequestBody TriggerPointRequest request) {
        SessionId id = new SessionId(sessionId);
        TriggerPointId triggerPointId = new TriggerPointId(ids.next());
        return commands.create(id, new IdentifyTriggerPoint(id, triggerPointId, request.muscle(), request.side(),
                        request.kind(), FreeText.ofNullable(request.referralPattern()), request.localTwitchResponse(),
                        PressurePainThreshold.ofNullable(request.pressurePainThreshold()), clock.instant()),
                triggerPointId, "triggerPointId", "/api/sessions/" + id + "/trigger-points/" + triggerPointId);
    }

    @PostMapping("/{sessionId}/trigger-points/{triggerPointId}/release")
    ResponseEntity<Void> releaseTriggerPoint(@PathVariable UUID sessionId, @PathVariable UUID triggerPointId,
                                             @Valid @RequestBody ReleaseRequest request) {
        SessionId id = new SessionId(sessionId);
        return commands.change(id, new ReleaseTriggerPoint(id, new TriggerPointId(triggerPointId),
                request.pressure(), new HoldDuration(request.holdSeconds()), request.tissueResponse(),
                request.referredSensationReproduced(),
                PressurePainThreshold.ofNullable(request.pressurePainThresholdAfter()), clock.instant()));
    }

    @PostMapping("/{sessionId}/techniques")
    ResponseEntity<Void> applyTechnique(@PathVariable UUID sessionId, @Valid @RequestBody TechniqueRequest request) {
        SessionId id = new SessionId(sessionId);
        return commands.change(id, new ApplyTechnique(id, request.technique(), FreeText.ofNullable(request.notes()),
                clock.instant()));
    }

    @PostMapping("/{sessionId}/complete")
    ResponseEntity<Void> complete(@PathVariable UUID sessionId, @Valid @RequestBody CompletionRequest request) {
        SessionId id = new SessionId(sessionId);
        return commands.change(id, new CompleteSession(id, new PainScore(request.postSessionPainScore()),
                FreeText.ofNullable(request.notes()), clock.instant()));
    }

    @PostMapping("/{sessionId}/soreness")
    ResponseEntity<Void> reportSoreness(@PathVariable UUID sessionId, @Valid @RequestBody SorenessRequest request) {
        SessionId id = new SessionId(sessionId);
        return commands.change(id, new ReportSoreness(id, new HoursAfterSession(request.hoursAfterSession()),
                new SorenessSeverity(request.severity()), request.resolved(), FreeText.ofNullable(request.notes()),
                clock.instant()));
    }

    @PostMapping("/{sessionId}/amendments")
    ResponseEntity<Map<String, String>> amend(@PathVariable UUID sessionId,
                                              @Valid @RequestBody AmendmentRequest request) {
        SessionId id = new SessionId(sessionId);
        AmendmentId amendmentId = new AmendmentId(ids.next());
        SessionRecordValues corrected = new SessionRecordValues(
                request.painScore() == null ? null : new PainScore(request.painScore()),
                FreeText.ofNullable(request.painPattern()), FreeText.ofNullable(request.posture()),
                request.movementRestrictions() == null ? null
                        : request.movementRestrictions().stream().map(FreeText::new).toList(),
                request.postSessionPainScore() == null ? null : new PainScore(request.postSessionPainScore()),
                FreeText.ofNullable(request.notes()));
        // The reason stays in the event only, where it is encrypted with the client's other words.
        return commands.create(id, new AmendSession(id, amendmentId, corrected, new FreeText(request.reason()),
                        clock.instant()),
                amendmentId, "amendmentId", "/api/sessions/" + id + "/amendments/" + amendmentId);
    }

    record StartSessionRequest(@NotNull UUID clientId, @NotNull UUID therapistId, Instant startedAt) {
    }

    record AssessmentRequest(
            @NotNull @Min(PainScore.MIN) @Max(PainScore.MAX) Integer painScore,
            @NotBlank @Size(max = SHORT_TEXT) String painPattern,
            @NotBlank @Size(max = SHORT_TEXT) String posture,
            @NotNull @Size(max = 50) List<@NotBlank @Size(max = SHORT_TEXT) String> movementRestrictions,
            @Size(max = 20) List<@NotNull BodyRegion> regions,
            @Size(max = 50) List<@NotNull @Valid RangeOfMotionRequest> rangeOfMotion) {
    }

    record RangeOfMotionRequest(
            @NotBlank @Size(max = 100) String joint,
            @NotBlank @Size(max = 100) String movement,
            Side side,
            @NotNull @Min(RangeOfMotion.MIN_DEGREES) @Max(RangeOfMotion.MAX_DEGREES) Integer degrees,
            @NotNull Boolean active) {

        RangeOfMotion toRangeOfMotion() {
            return new RangeOfMotion(joint, movement, side, degrees, active);
        }
    }

    record TriggerPointRequest(
            @NotNull Muscle muscle,
            @NotNull Side side,
            @NotNull TriggerPointKind kind,
            @Size(max = SHORT_TEXT) String referralPattern,
            LocalTwitchResponse localTwitchResponse,
            @DecimalMin("0") @DecimalMax("20") BigDecimal pressurePainThreshold) {
    }

    record ReleaseRequest(
            @NotNull PressureTechnique pressure,
            @NotNull @Min(HoldDuration.MIN) @Max(HoldDuration.MAX) Integer holdSeconds,
            @NotNull TissueResponse tissueResponse,
            @NotNull Boolean referredSensationReproduced,
            @DecimalMin("0") @DecimalMax("20") BigDecimal pressurePainThresholdAfter) {
    }

    record TechniqueRequest(@NotNull FollowUpTechnique technique, @Size(max = FreeText.MAX_LENGTH) String notes) {
    }

    record CompletionRequest(
            @NotNull @Min(PainScore.MIN) @Max(PainScore.MAX) Integer postSessionPainScore,
            @Size(max = FreeText.MAX_LENGTH) String notes) {
    }

    record SorenessRequest(
            @NotNull @Min(HoursAfterSession.MIN) @Max(HoursAfterSession.MAX) Integer hoursAfterSession,
            @NotNull @Min(SorenessSeverity.MIN) @Max(SorenessSeverity.MAX) Integer severity,
            @NotNull Boolean resolved,
            @Size(max = FreeText.MAX_LENGTH) String notes) {
    }

    /** The reason, and any of the record's fields under the names they were recorded with. */
    record AmendmentRequest(
            @NotBlank @Size(max = FreeText.MAX_LENGTH) String reason,
            @Min(PainScore.MIN) @Max(PainScore.MAX) Integer painScore,
            @Size(min = 1, max = SHORT_TEXT) String painPattern,
            @Size(min = 1, max = SHORT_TEXT) String posture,
            @Size(max = 50) List<@NotBlank @Size(max = SHORT_TEXT) String> movementRestrictions,
            @Min(PainScore.MIN) @Max(PainScore.MAX) Integer postSessionPainScore,
            @Size(max = FreeText.MAX_LENGTH) String notes) {

        @AssertTrue(message = "an amendment names at least one corrected field: painScore, painPattern, posture, "
                + "movementRestrictions, postSessionPainScore or notes")
        boolean isCorrection() {
            return painScore != null || painPattern != null || posture != null || movementRestrictions != null
                    || postSessionPainScore != null || notes != null;
        }
    }
}
