package org.sitewatch.alerting.web;

import org.sitewatch.alerting.maintenance.MaintenanceService.ConfiguredWindowException;
import org.sitewatch.alerting.maintenance.MaintenanceService.UnknownWindowException;
import org.sitewatch.alerting.maintenance.MaintenanceStore.MaintenanceStoreException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Errors of the alerting API as RFC 9457 problem JSON: 400 with the reason for a bad filter,
 * parameter or window, 404 unknown window, 409 window from configuration, 503 when Kafka did not take the write.
 */
@RestControllerAdvice(assignableTypes = {AlertsController.class, MaintenanceController.class})
public class AlertingApiExceptionHandler {

    @ExceptionHandler(IllegalArgumentException.class)
    public ResponseEntity<ProblemDetail> badRequest(IllegalArgumentException e) {
        return problem(HttpStatus.BAD_REQUEST, "Invalid request", e.getMessage());
    }

    /** A parameter Spring cannot bind or convert: named, never a 500. */
    @ExceptionHandler(ServletRequestBindingException.class)
    public ResponseEntity<ProblemDetail> unbound(ServletRequestBindingException e) {
        return problem(HttpStatus.BAD_REQUEST, "Invalid request", e.getMessage());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    public ResponseEntity<ProblemDetail> mismatch(MethodArgumentTypeMismatchException e) {
        return problem(HttpStatus.BAD_REQUEST, "Invalid request", "parameter '" + e.getName() + "': '" + e.getValue()
                + "' is not a valid " + (e.getRequiredType() == null ? "value" : e.getRequiredType().getSimpleName()));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    public ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
        Throwable cause = e.getMostSpecificCause();
        return problem(HttpStatus.BAD_REQUEST, "Invalid request",
                "the body is not a valid maintenance window: " + (cause == null ? e.getMessage() : cause.getMessage()));
    }

    @ExceptionHandler(UnknownWindowException.class)
    public ResponseEntity<ProblemDetail> unknown(UnknownWindowException e) {
        return problem(HttpStatus.NOT_FOUND, "Unknown maintenance window", e.getMessage());
    }

    @ExceptionHandler(ConfiguredWindowException.class)
    public ResponseEntity<ProblemDetail> configured(ConfiguredWindowException e) {
        return problem(HttpStatus.CONFLICT, "Maintenance window from configuration", e.getMessage());
    }

    @ExceptionHandler(MaintenanceStoreException.class)
    public ResponseEntity<ProblemDetail> unavailable(MaintenanceStoreException e) {
        return problem(HttpStatus.SERVICE_UNAVAILABLE, "Maintenance windows cannot be saved now", e.getMessage());
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String title, String detail) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
        body.setTitle(title);
        return ResponseEntity.status(status).body(body);
    }
}
