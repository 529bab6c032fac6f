package org.triggerpoint.clinic.query.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.triggerpoint.clinic.query.projections.RebuildRefused;
import org.triggerpoint.clinic.query.projections.ViewUnavailable;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;

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
        return Problems.invalid(invalid.field(), invalid.getMessage());
    }

    /** The firewall refuses a header or parameter lazily, when a controller first reads it: still the caller's fault. */
    @ExceptionHandler(RequestRejectedException.class)
    ProblemDetail rejected(RequestRejectedException rejected) {
        return Problems.problem(HttpStatus.BAD_REQUEST, "Malformed request",
                "The request holds characters that no parameter or header of this API has");
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception failure) {
        if (isDatabaseUnavailable(failure)) {
            log.warn("Database unavailable: {}", failure.toString());
            return Problems.problem(HttpStatus.SERVICE_UNAVAILABLE, "Database unavailable",
                    "The clinic's database cannot be reached. Try again shortly.");
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
                .body(Problems.invalid(name, "'" + mismatch.getValue() + "' is not a valid " + name));
    }

    static boolean isDatabaseUnavailable(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof CannotGetJdbcConnectionException
                    || cause instanceof CannotCreateTransactionException
                    || cause instanceof DataAccessResourceFailureException
                    || cause instanceof SQLTransientConnectionException
                    || cause instanceof SQLNonTransientConnectionException) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }
}
