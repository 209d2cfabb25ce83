package org.sitewatch.events;

/** Why a poll failed, as a bounded set so it can be a metric label. */
public enum CollectorErrorKind {
    CONNECT, TIMEOUT, TLS, HTTP_5XX, HTTP_4XX, AUTH, MALFORMED, CONFIG, INTERNAL
}
