package org.triggerpoint.clinic.query.projections;

import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code projections} part of {@code /actuator/health}: DOWN when a view's processor is not running (other than
 * while a rebuild reads the store into the view in its place, see {@link RebuildRuns}) or one of the segments this
 * node processes has stopped on an error (its view no longer follows the events, so it will answer ever older
 * records), otherwise UP. Falling behind is not DOWN (a rebuild or a burst of commands is normal): the
 * details (shown to ADMIN) and the lag gauges of {@link ProjectionLag} say by how much.
 */
@Component
class ProjectionsHealthIndicator implements HealthIndicator {

    private final ViewPositions positions;
    private final Rebuilds rebuilds;
    private final ProjectionLag lag;
    private final RebuildRuns rebuildRuns;

    ProjectionsHealthIndicator(ViewPositions positions, Rebuilds rebuilds, ProjectionLag lag,
                               RebuildRuns rebuildRuns) {
        this.positions = positions;
        this.rebuilds = rebuilds;
        this.lag = lag;
        this.rebuildRuns = rebuildRuns;
    }

    @Override
    public Health health() {
        boolean up = true;
        Health.Builder health = Health.unknown();
        for (View view : View.values()) {
            StreamingEventProcessor processor = positions.processor(view);
            Map<Integer, EventTrackerStatus> here = processor.processingStatus();
            long failed = here.values().stream().filter(EventTrackerStatus::isErrorState).count();
            // While a rebuild reads the store into the view, its processor is stopped, and takes over afterwards.
            boolean rebuilding = rebuildRuns.isUnderWay(view);
            boolean working = (processor.isRunning() || rebuilding) && !processor.isError() && failed == 0;
            up &= working;
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("status", working ? "UP" : "DOWN");
            details.put("running", processor.isRunning());
            details.put("rebuildReading", rebuilding);
            details.put("segmentsHere", here.size());
            details.put("segmentsFailed", failed);
            details.put("state", rebuilds.progress(view).state());
            details.put("lagEvents", lag.of(view).events());
            details.put("lagSeconds", lag.of(view).seconds());
            health.withDetail(view.processorName(), details);
        }
        return (up ? health.up() : health.down()).build();
    }
}
