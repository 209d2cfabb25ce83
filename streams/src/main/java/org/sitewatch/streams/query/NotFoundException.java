package org.sitewatch.streams.query;

/** The asked site, pair or entity has never been seen (HTTP 404). */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String message) {
        super(message);
    }
}
