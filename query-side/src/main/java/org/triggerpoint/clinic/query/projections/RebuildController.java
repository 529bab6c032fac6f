package org.triggerpoint.clinic.query.projections;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** Rebuilding a view from the events, and watching it happen (ADMIN). */
@RestController
@RequestMapping("/api/admin/projections/{name}/rebuild")
class RebuildController {

    private final Rebuilds rebuilds;

    RebuildController(Rebuilds rebuilds) {
        this.rebuilds = rebuilds;
    }

    @PostMapping
    ResponseEntity<Rebuilds.Progress> rebuild(@PathVariable String name) {
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(rebuilds.rebuild(view(name)));
    }

    @GetMapping
    Rebuilds.Progress progress(@PathVariable String name) {
        return rebuilds.progress(view(name));
    }

    private static View view(String name) {
        return View.named(name).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                "No view named '" + name + "'; the views are " + java.util.Arrays.stream(View.values())
                        .map(View::processorName).toList()));
    }
}
