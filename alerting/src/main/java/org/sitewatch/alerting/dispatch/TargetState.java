package org.sitewatch.alerting.dispatch;

import java.time.Duration;
import java.time.Instant;
import org.sitewatch.alerting.delivery.Backoff;

/**
 * The dispatcher's bookkeeping for one target: failures in a row, when it may be tried next, when
 * the active set was last re-sent to it. Dispatcher thread only.
 */
final class TargetState {

    private int failuresInARow;
    private Instant nextAttempt = Instant.MIN;
    private Instant lastResend = Instant.MIN;
    private String lastError;

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
    boolean succeeded() {
        boolean recovered = failuresInARow > 0;
        failuresInARow = 0;
        nextAttempt = Instant.MIN;
        lastError = null;
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

    String lastError() {
        return lastError;
    }
}
