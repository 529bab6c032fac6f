package org.triggerpoint.clinic.query.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.triggerpoint.clinic.web.Problems;

import java.util.List;
import java.util.Map;

/** A query parameter that cannot be answered, named; answered with 400. */
public class InvalidQuery extends RuntimeException {

    private final String field;

    public InvalidQuery(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }

    /** A 400 whose {@code errors} list names the one parameter (or header) that was wrong, as the contract asks. */
    static ProblemDetail problem(String field, String detail) {
        ProblemDetail problem = Problems.problem(HttpStatus.BAD_REQUEST, "Invalid query", detail);
        problem.setProperty("errors", List.of(Map.of("field", field, "message", detail)));
        return problem;
    }
}
