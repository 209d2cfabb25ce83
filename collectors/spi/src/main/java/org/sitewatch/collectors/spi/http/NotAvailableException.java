package org.sitewatch.collectors.spi.http;

import org.sitewatch.collectors.spi.CollectorException;
import org.sitewatch.events.CollectorErrorKind;

/**
 * The endpoint answered 404 or 501 for a path: this version of the vendor's API does not serve it
 * (or the URL is wrong). A caller reading an optional part (an HA status added in a later
 * release) catches it and reports a partial read for that scope; uncaught it fails the poll as a
 * permanent error, since asking again will not make the path appear.
 */
public class NotAvailableException extends CollectorException {

    private final int httpStatus;
    private final String path;

    public NotAvailableException(String path, int status, String message, String remedy) {
        super(status == 501 ? CollectorErrorKind.HTTP_5XX : CollectorErrorKind.HTTP_4XX, true, message, remedy, null);
        this.httpStatus = status;
        this.path = path;
    }

    /** 404 or 501. */
    public int httpStatus() {
        return httpStatus;
    }

    /** The path that is not available, as requested. */
    public String path() {
        return path;
    }
}
