package org.sitewatch.collectors.spi.http;

import java.io.IOException;

/**
 * A vendor answer was larger than the endpoint allows: reading stopped at the limit (or before the
 * body when {@code Content-Length} already said so). {@link HttpFailures#tooLarge} turns it into a
 * classified failure naming the request, the size read and the key that raises the limit.
 */
public final class AnswerTooLargeException extends IOException {

    private final long bytesRead;
    private final boolean declared;
    private final long limit;
    private final String limitKey;

    /** For a transport that reads through its own client (fabric8) and stops at the limit itself. */
    public AnswerTooLargeException(long bytesRead, boolean declared, long limit, String limitKey) {
        super((declared ? "the answer declares " + bytesRead + " bytes" : "the answer went past " + bytesRead + " bytes")
                + ", over the limit of " + limit + " bytes (" + (limitKey == null ? "fixed" : limitKey) + ")");
        this.bytesRead = bytesRead;
        this.declared = declared;
        this.limit = limit;
        this.limitKey = limitKey;
    }

    /** Bytes received before reading stopped, or the declared {@code Content-Length}. */
    public long bytesRead() {
        return bytesRead;
    }

    /** Whether {@link #bytesRead()} is the size the answer declared rather than what was read. */
    public boolean declared() {
        return declared;
    }

    public long limit() {
        return limit;
    }

    /**
     * The full key of the setting that raises the limit, e.g. {@code sitewatch.collectors.endpoints[0].proxmox.max-response-bytes};
     * null for a fixed limit (a login or token answer, {@link BoundedAnswers#LOGIN_MAX_BYTES}).
     */
    public String limitKey() {
        return limitKey;
    }
}
