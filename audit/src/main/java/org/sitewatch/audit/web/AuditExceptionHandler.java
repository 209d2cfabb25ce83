package org.sitewatch.audit.web;

import java.util.Map;
import org.sitewatch.audit.AuditException;
import org.sitewatch.audit.TimeExpressions;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The audit API's errors as RFC 9457 problem JSON, with the status of the failure's kind. */
@RestControllerAdvice(assignableTypes = AuditController.class)
public class AuditExceptionHandler {

    /** What each required parameter accepts, for the 400 of a missing one. */
    private static final Map<String, String> ACCEPTED = Map.of("from", "give " + TimeExpressions.FORMS,
            "at", "give " + TimeExpressions.FORMS);

    @ExceptionHandler(AuditService.BusyException.class)
    public ResponseEntity<ProblemDetail> busy(AuditService.BusyException e) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS, e.getMessage());
        body.setTitle("Too many audit replays");
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).header(HttpHeaders.RETRY_AFTER, "5").body(body);
    }

    @ExceptionHandler(AuditException.class)
    public ResponseEntity<ProblemDetail> failed(AuditException e) {
        HttpStatus status = HttpStatus.valueOf(e.kind().httpStatus());
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, e.getMessage());
        body.setTitle(title(e.kind()));
        body.setProperty("kind", e.kind().name());
        return ResponseEntity.status(status).body(body);
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    public ResponseEntity<ProblemDetail> missing(MissingServletRequestParameterException e) {
        return badRequest("parameter '" + e.getParameterName() + "' is required: "
                + ACCEPTED.getOrDefault(e.getParameterName(), "give a value"));
    }

    /** The audit API takes its parameters as strings and parses them itself; anything else Spring refuses to bind. */
    @ExceptionHandler(ServletRequestBindingException.class)
    public ResponseEntity<ProblemDetail> unbound(ServletRequestBindingException e) {
        return badRequest(e.getMessage());
    }

    private static ResponseEntity<ProblemDetail> badRequest(String detail) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        body.setTitle(title(AuditException.Kind.BAD_REQUEST));
        body.setProperty("kind", AuditException.Kind.BAD_REQUEST.name());
        return ResponseEntity.badRequest().body(body);
    }

    private static String title(AuditException.Kind kind) {
        switch (kind) {
            case BAD_REQUEST: return "Bad audit request";
            case UNKNOWN_SITE: return "Unknown site";
            case BEFORE_RETENTION: return "Range before retention";
            case KAFKA_UNAVAILABLE: return "Kafka unavailable";
            case INCOMPLETE: return "Audit request stopped before it was complete";
            case SPILL_LIMIT: return "Audit sort needs too much disk";
            case CANCELLED: return "Audit request cancelled";
            default: return "Audit failed";
        }
    }
}
