package org.sitewatch.collectors.azure.mapping;

/** A vendor record that cannot be mapped; the message is the skip reason the snapshot lists. */
public final class UnusableItemException extends RuntimeException {

    public UnusableItemException(String message) {
        super(message);
    }
}
