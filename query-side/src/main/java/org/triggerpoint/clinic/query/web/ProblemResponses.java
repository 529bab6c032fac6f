package org.triggerpoint.clinic.query.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.triggerpoint.clinic.query.projections.RebuildRefused;
import org.triggerpoint.clinic.query.projections.ViewUnavailable;
import org.triggerpoint.clinic.web.DatabaseOutage;
import org.triggerpoint.clinic.web.Problems;

/** Every error as {@code application/problem+json}; 503 while a view cannot answer or the database is away. */
@RestControllerAdvice
class ProblemResponses extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemResponses.class);

    @ExceptionHandler(ViewUnavailable.class)
    ResponseEntity<ProblemDetail> viewUnavailable(ViewUnavailable unavailable) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "1")
                .body(Problems.problem(HttpStatus.SERVICE_UNAVAILABLE, "View not available yet",
                        unavailable.getMessage()));
    }

    @ExceptionHandler(RebuildRefused.class)
    ProblemDetail rebuildRefused(RebuildRefused refused) {
        return Problems.problem(HttpStatus.CONFLICT, "Rebuild refused", refused.getMessage());
    }

    @ExceptionHandler(UnknownRecord.class)
    ProblemDetail unknownRecord(UnknownRecord unknown) {
        return Problems.problem(HttpStatus.NOT_FOUND, "Unknown record", unknown.getMessage());
    }

    @ExceptionHandler(InvalidQuery.class)
    ProblemDetail invalidQuery(InvalidQuery invalid) {
        return InvalidQuery.problem(invalid.field(), invalid.getMessage());
    }

    /** The firewall refuses a header or parameter lazily, when a controller first reads it: still the caller's fault. */
    @ExceptionHandler(RequestRejectedException.class)
    ProblemDetail rejected(RequestRejectedException rejected) {
        return Problems.problem(HttpStatus.BAD_REQUEST, "Malformed request",
                "The request holds characters that no parameter or header of this API has");
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception failure) {
        if (DatabaseOutage.causedBy(failure)) {
            log.warn("Database unavailable: {}", failure.toString());
            return DatabaseOutage.problem("The clinic's database cannot be reached. Try again shortly.");
        }
        log.error("Unexpected failure", failure);
        return Problems.problem(HttpStatus.INTERNAL_SERVER_ERROR, "Unexpected error",
                "The request failed unexpectedly");
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException mismatch, HttpHeaders headers,
                                                        HttpStatusCode status, WebRequest request) {
        String name = mismatch instanceof MethodArgumentTypeMismatchException argument
                ? argument.getName() : String.valueOf(mismatch.getPropertyName());
        return ResponseEntity.badRequest().headers(headers)
                .body(InvalidQuery.problem(name, "'" + mismatch.getValue() + "' is not a valid " + name));
    }
}
