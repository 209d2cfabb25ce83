package org.sitewatch.alerting.dispatch;

import java.time.Duration;
import java.time.Instant;
import org.sitewatch.alerting.delivery.Backoff;

/**
 * One target's delivery progress: failures in a row, when it may be tried next, when the active
 * set was last re-sent to it, its last success. Written by the target's delivery worker only; read
 * by metrics and health (hence volatile).
 */
final class TargetState {

    private volatile int failuresInARow;
    private volatile Instant nextAttempt = Instant.MIN;
    private volatile Instant lastResend = Instant.MIN;
    private volatile Instant lastSuccess;
    private volatile String lastError;

    boolean mayAttempt(Instant now) {
        return !now.isBefore(nextAttempt);
    }

    boolean resendDue(Instant now, Duration interval) {
        return !now.isBefore(lastResend.plus(interval));
    }

    void resent(Instant now) {
        lastResend = now;
    }

    /** Returns whether this ended a failure streak. */
    boolean succeeded(Instant now) {
        boolean recovered = failuresInARow > 0;
        failuresInARow = 0;
        nextAttempt = Instant.MIN;
        lastError = null;
        lastSuccess = now;
        return recovered;
    }

    void failed(Instant now, Backoff backoff, String error) {
        failuresInARow++;
        lastError = error;
        nextAttempt = now.plus(backoff.delayAfter(failuresInARow));
    }

    int failuresInARow() {
        return failuresInARow;
    }

    Instant nextAttempt() {
        return nextAttempt;
    }

    Instant lastResend() {
        return lastResend;
    }

    /** Null until the first success. */
    Instant lastSuccess() {
        return lastSuccess;
    }

    String lastError() {
        return lastError;
    }
}
