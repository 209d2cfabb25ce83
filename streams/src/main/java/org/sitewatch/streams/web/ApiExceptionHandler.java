package org.sitewatch.streams.web;

import java.time.Duration;
import org.sitewatch.streams.config.ViewsProperties;
import org.sitewatch.streams.query.NotFoundException;
import org.sitewatch.streams.query.NotReadyException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Errors of the views API as RFC 9457 problem JSON ({@code application/problem+json}): 404 for an
 * unknown site or pair; 400 for a bad filter or page; 503 with {@code Retry-After} while any instance
 * needed for the answer is not ready (starting, rebalancing, restoring, unreachable), never a partial
 * answer. The 503 body carries the Streams state and the reason.
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

    @ExceptionHandler({IllegalArgumentException.class, MethodArgumentTypeMismatchException.class})
    public ResponseEntity<ProblemDetail> badRequest(Exception e) {
        String detail = e instanceof MethodArgumentTypeMismatchException m
                ? "bad value '" + m.getValue() + "' for " + m.getName()
                        + (m.getRequiredType() != null && m.getRequiredType().isEnum()
                                ? ", expected one of " + java.util.Arrays.toString(m.getRequiredType().getEnumConstants()) : "")
                : e.getMessage();
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        body.setTitle("Bad request");
        return ResponseEntity.badRequest().body(body);
    }
}
