package org.sitewatch.streams.web;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.sitewatch.core.view.PageRequest;
import org.sitewatch.streams.config.ViewsProperties;
import org.sitewatch.streams.query.NotFoundException;
import org.sitewatch.streams.query.NotReadyException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Errors of the views API as RFC 9457 problem JSON ({@code application/problem+json}): 404 for an
 * unknown site or pair; 400 for a bad filter, sort, instant or page, naming the parameter and what it
 * accepts (never a 500); 503 with {@code Retry-After} while any instance needed for the answer is not
 * ready (starting, rebalancing, restoring, unreachable), never a partial answer. The 503 body carries
 * the Streams state and the reason.
 */
@RestControllerAdvice(basePackageClasses = ApiExceptionHandler.class)
public class ApiExceptionHandler {

    private final Duration retryAfter;

    public ApiExceptionHandler(ViewsProperties properties) {
        this.retryAfter = properties.retryAfter();
    }

    @ExceptionHandler(NotReadyException.class)
    public ResponseEntity<ProblemDetail> notReady(NotReadyException e) {
        long seconds = Math.max(1, retryAfter.toSeconds());
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage());
        body.setTitle("Views not ready");
        body.setProperty("streamsState", e.readiness().state());
        body.setProperty("retryAfterSeconds", seconds);
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(seconds))
                .body(body);
    }

    @ExceptionHandler(NotFoundException.class)
    public ResponseEntity<ProblemDetail> notFound(NotFoundException e) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
        body.setTitle("Not found");
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(body);
    }

    @ExceptionHandler(IllegalArgumentException.class)
    public ResponseEntity<ProblemDetail> badRequest(IllegalArgumentException e) {
        return badRequest(e.getMessage());
    }

    /** A parameter that does not convert to its type: names it and says what it accepts. */
    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    public ResponseEntity<ProblemDetail> badParameter(MethodArgumentTypeMismatchException e) {
        return badRequest("parameter '" + e.getName() + "': '" + e.getValue() + "' is not accepted; give "
                + accepted(e.getName(), e.getRequiredType()));
    }

    /** A missing or unreadable parameter (none is required today; kept so that one never becomes a 500). */
    @ExceptionHandler(ServletRequestBindingException.class)
    public ResponseEntity<ProblemDetail> unbound(ServletRequestBindingException e) {
        return badRequest(e.getMessage());
    }

    /** What a parameter of this name and type accepts, in words. */
    static String accepted(String name, Class<?> type) {
        if (type == null) {
            return "a valid value";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.stream(type.getEnumConstants()).map(String::valueOf).collect(Collectors.joining(", "));
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            if ("offset".equals(name)) {
                return "a whole number from 0 to " + PageRequest.MAX_WINDOW;
            }
            if ("limit".equals(name)) {
                return "a whole number from 1 to " + PageRequest.MAX_LIMIT;
            }
            return "a whole number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type == Instant.class) {
            return "an ISO-8601 instant such as 2026-11-27T03:00:00Z";
        }
        return "a valid " + type.getSimpleName();
    }

    private static ResponseEntity<ProblemDetail> badRequest(String detail) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        body.setTitle("Bad request");
        return ResponseEntity.badRequest().body(body);
    }
}
