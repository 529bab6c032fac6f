package org.triggerpoint.clinic.query.clienthistory;

import org.triggerpoint.clinic.events.session.Muscle;
import org.triggerpoint.clinic.events.session.Side;
import org.triggerpoint.clinic.events.session.TissueResponse;
import org.triggerpoint.clinic.events.session.TriggerPointKind;
import org.triggerpoint.clinic.query.clienthistory.SessionFacts.TriggerPointFound;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What the client's sessions found in one muscle: how often a trigger point was identified there and when, on which
 * sides and of which kinds, how its releases went, and the mean pressure pain threshold (kg/cm²) before release
 * over the identifications that measured it and after release over the releases that measured it (null where none
 * did). Most often identified muscles come first.
 */
record MuscleSummary(Muscle muscle, int timesIdentified, LocalDate firstIdentified, LocalDate lastIdentified,
                     List<Side> sides, List<TriggerPointKind> kinds,
                     Map<TissueResponse, Integer> releasesByTissueResponse,
                     BigDecimal meanPressurePainThresholdBefore, BigDecimal meanPressurePainThresholdAfter) {

    private static final int MEAN_DECIMALS = 2;

    static List<MuscleSummary> of(List<SessionFacts> sessions) {
        Map<Muscle, List<TriggerPointFound>> byMuscle = sessions.stream()
                .flatMap(session -> session.triggerPoints().stream())
                .collect(Collectors.groupingBy(TriggerPointFound::muscle, () -> new EnumMap<>(Muscle.class),
                        Collectors.toList()));
        return byMuscle.entrySet().stream()
                .map(found -> summarise(found.getKey(), found.getValue()))
                .sorted(Comparator.comparing(MuscleSummary::timesIdentified).reversed()
                        .thenComparing(MuscleSummary::muscle))
                .toList();
    }

    private static MuscleSummary summarise(Muscle muscle, List<TriggerPointFound> found) {
        List<LocalDate> dates = found.stream().map(point -> ClientHistory.dateOf(point.identifiedAt()))
                .sorted().toList();
        List<TriggerPointFound> releases = found.stream().filter(TriggerPointFound::released).toList();
        Map<TissueResponse, Integer> byResponse = new EnumMap<>(TissueResponse.class);
        for (TissueResponse response : TissueResponse.values()) {
            byResponse.put(response, 0);
        }
        releases.forEach(release -> byResponse.merge(release.tissueResponse(), 1, Integer::sum));
        return new MuscleSummary(muscle, found.size(), dates.get(0), dates.get(dates.size() - 1),
                distinct(found, TriggerPointFound::side), distinct(found, TriggerPointFound::kind), byResponse,
                mean(found.stream().map(TriggerPointFound::pressurePainThreshold)),
                mean(releases.stream().map(TriggerPointFound::pressurePainThresholdAfter)));
    }

    private static <E extends Enum<E>> List<E> distinct(List<TriggerPointFound> found,
                                                        Function<TriggerPointFound, E> value) {
        return found.stream().map(value).distinct().sorted().toList();
    }

    private static BigDecimal mean(Stream<BigDecimal> values) {
        List<BigDecimal> measured = values.filter(Objects::nonNull).toList();
        if (measured.isEmpty()) {
            return null;
        }
        return measured.stream().reduce(BigDecimal.ZERO, BigDecimal::add)
                .divide(BigDecimal.valueOf(measured.size()), MEAN_DECIMALS, RoundingMode.HALF_UP);
    }
}
