package org.sitewatch.collectors.faults;

/**
 * The vendor faults of fault suite 5 (issue 15), as {@link FaultServer} plays them on the wire. Every
 * request to the server gets the fault, so a collector meets it at its first call, whatever that is
 * (a login, a token request, the first list).
 */
enum VendorFault {
    /** Nothing listens on the port. */
    CONNECTION_REFUSED,
    /** The request is read and never answered. */
    TIME_OUT,
    /** Headers at once, then the body a byte every 100 ms: slower than the read time-out. */
    SLOW_DRIP,
    /** HTTP 503 with an error body. */
    HTTP_5XX,
    /** HTTP 401: credentials rejected. */
    HTTP_401,
    /** HTTP 403: credentials accepted, access refused. */
    HTTP_403,
    /** HTTP 429 with {@code Retry-After: 7}. */
    HTTP_429,
    /** HTTP 200 with a body that is neither JSON nor XML. */
    MALFORMED,
    /** HTTP 200 announcing 4096 bytes, sending the start of an answer, then closing the connection. */
    TRUNCATED,
    /**
     * HTTP 200, chunked, 2 MiB: past the endpoint's size cap (set to 4096 bytes where the collector has one)
     * and past the fixed 1 MiB cap of login and token answers.
     */
    OVER_CAP,
    /** TLS with a certificate signed by a CA the collector does not trust. */
    UNTRUSTED_CERTIFICATE,
    /** TLS with a certificate from the trusted CA that does not name the host the collector asked for. */
    WRONG_HOST_NAME;

    static final int RETRY_AFTER_SECONDS = 7;
    static final int CAP_BYTES = 4096;
}
