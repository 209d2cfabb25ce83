package org.sitewatch.streams.web;

import java.time.Duration;
import org.sitewatch.streams.config.ViewsProperties;
import org.sitewatch.streams.query.NotReadyException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Errors of the views API as RFC 9457 problem JSON ({@code application/problem+json}): 404 for an
 * unknown site; 503 with {@code Retry-After} while Kafka Streams is not RUNNING (starting,
 * rebalancing, restoring), never a partial answer. The 503 body carries the Streams state.
 */
@RestControllerAdvice(assignableTypes = SitesController.class)
public class ApiExceptionHandler {

    private final Duration retryAfter;

    public ApiExceptionHandler(ViewsProperties properties) {
        this.retryAfter = properties.retryAfter();
    }

    @ExceptionHandler(NotReadyException.class)
    public ResponseEntity<ProblemDetail> notReady(NotReadyException e) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage());
        body.setTitle("Views not ready");
        body.setProperty("streamsState", e.readiness().state());
        body.setProperty("retryAfterSeconds", Math.max(1, retryAfter.toSeconds()));
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, retryAfter.toSeconds())))
                .body(body);
    }

    @ExceptionHandler(UnknownSiteException.class)
    public ResponseEntity<ProblemDetail> unknownSite(UnknownSiteException e) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
        body.setTitle("Unknown site");
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(body);
    }
}
