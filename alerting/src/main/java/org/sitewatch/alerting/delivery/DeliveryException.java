package org.sitewatch.alerting.delivery;

/** A receiver did not accept a batch: unreachable, timed out, or answered with a non-2xx status. */
public class DeliveryException extends Exception {

    private static final long serialVersionUID = 1L;

    public DeliveryException(String message) {
        super(message);
    }

    public DeliveryException(String message, Throwable cause) {
        super(message, cause);
    }
}
