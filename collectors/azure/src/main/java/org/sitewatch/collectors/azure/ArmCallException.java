package org.sitewatch.collectors.azure;

import java.time.Duration;

/**
 * ARM answered a call with an error status (after the SDK's retries): the status, ARM's error
 * {@code code} and {@code message}, and how long it asked to wait. Unchecked so it can cross the
 * SDK's paging callbacks; {@link ArmFailures} turns it into a classified failure.
 */
final class ArmCallException extends RuntimeException {

    private final int status;
    private final String code;
    private final Duration retryAfter;

    ArmCallException(String path, int status, String code, String message, Duration retryAfter) {
        super("HTTP " + status + (code == null ? "" : " " + code) + " from GET " + path
                + (message == null ? "" : ": " + message));
        this.status = status;
        this.code = code;
        this.retryAfter = retryAfter;
    }

    int status() {
        return status;
    }

    /** ARM's error code (e.g. {@code ResourceNotFound}, {@code ExpiredAuthenticationToken}); null when absent. */
    String code() {
        return code;
    }

    /** The wait ARM asked for on a 429 or 503; null when it did not say. */
    Duration retryAfter() {
        return retryAfter;
    }
}
