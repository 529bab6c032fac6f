package org.triggerpoint.clinic.query.reference;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.triggerpoint.clinic.events.client.PresentingCondition;
import org.triggerpoint.clinic.events.session.Muscle;

import java.util.Arrays;
import java.util.List;

/** The coded vocabulary a client of the API needs to build valid commands. */
@RestController
@RequestMapping("/api/reference")
class ReferenceController {

    @GetMapping("/muscles")
    List<MuscleEntry> muscles() {
        return Arrays.stream(Muscle.values()).map(muscle -> new MuscleEntry(muscle.name(), muscle.region().name()))
                .toList();
    }

    @GetMapping("/conditions")
    List<String> conditions() {
        return Arrays.stream(PresentingCondition.values()).map(Enum::name).toList();
    }

    record MuscleEntry(String muscle, String region) {
    }
}
