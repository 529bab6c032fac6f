package org.triggerpoint.clinic.command.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingPathVariableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.triggerpoint.clinic.command.common.RuleViolation;
import org.triggerpoint.clinic.command.common.UnknownRecord;
import org.triggerpoint.clinic.events.storage.ClientKeyring;
import org.triggerpoint.clinic.web.DatabaseOutage;
import org.triggerpoint.clinic.web.Problems;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Every error as {@code application/problem+json}: 400 naming each bad field, 404 for an unknown record, 409 naming
 * the broken rule, 503 while the database is unreachable. Rules are told apart by type, never by message.
 */
@RestControllerAdvice
class ProblemResponses extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemResponses.class);

    @ExceptionHandler(RuleViolation.class)
    ProblemDetail ruleBroken(RuleViolation violation) {
        ProblemDetail problem = Problems.problem(HttpStatus.CONFLICT, violation.rule().statement(),
                violation.getMessage());
        problem.setProperty("rule", violation.rule().code());
        return problem;
    }

    @ExceptionHandler(UnknownRecord.class)
    ProblemDetail unknownRecord(UnknownRecord unknown) {
        return Problems.problem(HttpStatus.NOT_FOUND, "Unknown " + unknown.kind(), unknown.getMessage());
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ProblemDetail unknownAggregate(AggregateNotFoundException notFound) {
        return Problems.problem(HttpStatus.NOT_FOUND, "Unknown record",
                "No record with id " + notFound.getAggregateIdentifier());
    }

    @ExceptionHandler({ConcurrencyException.class, AggregateStreamCreationException.class})
    ProblemDetail concurrentChange(Exception lost) {
        ProblemDetail problem = Problems.problem(HttpStatus.CONFLICT, "Concurrent change",
                "Another change to this record was stored first; reload it and try again");
        problem.setProperty("rule", "concurrent-change");
        return problem;
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception failure, WebRequest request) {
        ClientKeyring.ClientDataErasedException erased = findCause(failure,
                ClientKeyring.ClientDataErasedException.class);
        if (erased != null) {
            // Raised while the event is stored (its personal values cannot be encrypted any more): nothing is stored.
            ProblemDetail problem = Problems.problem(HttpStatus.CONFLICT,
                    "Nothing new is recorded about a client whose personal data was erased", erased.getMessage());
            problem.setProperty("rule", "client-data-erased");
            return problem;
        }
        if (DatabaseOutage.causedBy(failure)) {
            log.warn("Database unavailable: {}", failure.toString());
            return CommitOutcomes.unknownFor(request) ? CommitOutcomes.outcomeUnknown() : DatabaseOutage.problem(
                    "The clinic's database cannot be reached; nothing was stored. Try again shortly.");
        }
        log.error("Unexpected failure", failure);
        return Problems.problem(HttpStatus.INTERNAL_SERVER_ERROR, "Unexpected error",
                "The request failed unexpectedly; nothing was stored");
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException invalid,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        List<FieldError> errors = new ArrayList<>();
        invalid.getBindingResult().getFieldErrors().forEach(error ->
                errors.add(new FieldError(error.getField(), error.getDefaultMessage())));
        // Rules over several fields (e.g. "an amendment corrects something") name the request as a whole.
        invalid.getBindingResult().getGlobalErrors().forEach(error ->
                errors.add(new FieldError(error.getObjectName(), error.getDefaultMessage())));
        errors.sort(Comparator.comparing(FieldError::field));
        return badRequest(errors, headers);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException unreadable,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        if (causedBy(unreadable, RequestBodyLimit.BodyTooLarge.class)) {
            return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).headers(headers).body(
                    Problems.problem(HttpStatus.PAYLOAD_TOO_LARGE, "Request too large",
                            findCause(unreadable, RequestBodyLimit.BodyTooLarge.class).getMessage()));
        }
        if (unreadable.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            return badRequest(List.of(new FieldError(path(mapping), describe(mapping))), headers);
        }
        if (unreadable.getCause() instanceof JsonProcessingException) {
            return ResponseEntity.badRequest().headers(headers).body(Problems.problem(HttpStatus.BAD_REQUEST,
                    "Malformed request", "The request body is not well-formed JSON"));
        }
        return ResponseEntity.badRequest().headers(headers).body(Problems.problem(HttpStatus.BAD_REQUEST,
                "Malformed request", "The request needs a JSON body"));
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException mismatch, HttpHeaders headers,
                                                        HttpStatusCode status, WebRequest request) {
        String name = mismatch instanceof MethodArgumentTypeMismatchException argument
                ? argument.getName() : String.valueOf(mismatch.getPropertyName());
        return badRequest(List.of(new FieldError(name, "'" + mismatch.getValue() + "' is not a valid " + name)),
                headers);
    }

    /** An id in the path that reads as no value at all (e.g. a blank one): 400 naming it, like any other bad id. */
    @Override
    protected ResponseEntity<Object> handleMissingPathVariable(MissingPathVariableException missing,
                                                               HttpHeaders headers, HttpStatusCode status,
                                                               WebRequest request) {
        return badRequest(List.of(new FieldError(missing.getVariableName(),
                "is missing or blank; it must be a valid " + missing.getVariableName())), headers);
    }

    private static ResponseEntity<Object> badRequest(List<FieldError> errors, HttpHeaders headers) {
        String fields = errors.stream().map(FieldError::field).distinct().collect(Collectors.joining(", "));
        ProblemDetail problem = Problems.problem(HttpStatus.BAD_REQUEST, "Invalid input",
                "Invalid value for: " + fields);
        problem.setProperty("errors", errors.stream()
                .map(error -> Map.of("field", error.field(), "message", error.message()))
                .toList());
        return ResponseEntity.badRequest().headers(headers).body(problem);
    }

    private static String path(JsonMappingException mapping) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : mapping.getPath()) {
            if (reference.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String describe(JsonMappingException mapping) {
        if (mapping instanceof StorableText.Unstorable) {
            return mapping.getOriginalMessage();
        }
        if (mapping instanceof UnrecognizedPropertyException) {
            return "is not a field of this request";
        }
        if (mapping instanceof InvalidFormatException format && format.getTargetType() != null
                && format.getTargetType().isEnum()) {
            return "must be one of " + Arrays.toString(format.getTargetType().getEnumConstants());
        }
        if (mapping instanceof ValueInstantiationException instantiation && instantiation.getCause() != null) {
            return instantiation.getCause().getMessage();
        }
        if (mapping instanceof InvalidFormatException format && format.getTargetType() != null) {
            return "'" + format.getValue() + "' is not a valid " + format.getTargetType().getSimpleName();
        }
        return "has the wrong type or form";
    }

    private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
        return findCause(failure, type) != null;
    }

    private static <T extends Throwable> T findCause(Throwable failure, Class<T> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        return null;
    }

    record FieldError(String field, String message) {
    }
}
