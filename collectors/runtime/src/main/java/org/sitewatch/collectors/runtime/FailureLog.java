package org.sitewatch.collectors.runtime;

import java.util.Objects;
import org.sitewatch.collectors.spi.CollectorException;
import org.sitewatch.collectors.spi.EndpointConfig;
import org.sitewatch.collectors.spi.settings.Redactor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs an endpoint's failures without flooding: the first failure of a streak, and every change
 * of its kind or message, once (a permanent one at ERROR with what to do); repeats at DEBUG; the
 * recovery once at INFO. The heartbeat and the meters carry every occurrence anyway.
 */
final class FailureLog {

    private static final Logger log = LoggerFactory.getLogger(FailureLog.class);

    private final EndpointConfig endpoint;
    private String lastFailure;

    FailureLog(EndpointConfig endpoint) {
        this.endpoint = endpoint;
    }

    void failed(CollectorException e, String nextTry) {
        String signature = e.kind() + ":" + e.getMessage();
        if (Objects.equals(signature, lastFailure)) {
            log.debug("collector {} still failing ({}): {}", endpoint.id(), e.kind(), e.getMessage());
            return;
        }
        lastFailure = signature;
        if (e.permanent()) {
            log.error("collector {} ({} {} at {}) cannot read the endpoint: {} [{}]. What to do: {} "
                            + "It keeps reporting this in its heartbeat and tries again {}; no restart is needed.",
                    endpoint.id(), endpoint.platform().wire(), endpoint.site(), endpoint.address(), e.getMessage(),
                    e.kind(), e.remedy() == null ? "check the endpoint's configuration." : e.remedy(), nextTry);
        } else {
            log.warn("collector {} ({} {} at {}) failed to poll: {} [{}]; retrying {}",
                    endpoint.id(), endpoint.platform().wire(), endpoint.site(), endpoint.address(), e.getMessage(),
                    e.kind(), nextTry);
            if (e.getCause() != null && log.isDebugEnabled()) {
                // Not the throwable itself: a JDK or vendor exception's message may quote a URL with its token.
                log.debug("collector {}: caused by {}", endpoint.id(), causes(e.getCause()));
            }
        }
    }

    /** The chain of causes as {@code Class: message} texts, each redacted. */
    static String causes(Throwable cause) {
        StringBuilder out = new StringBuilder();
        for (Throwable t = cause; t != null && out.length() < 2000; t = t.getCause() == t ? null : t.getCause()) {
            out.append(out.length() == 0 ? "" : " <- ").append(t.getClass().getName());
            if (t.getMessage() != null) {
                out.append(": ").append(Redactor.redact(t.getMessage()));
            }
        }
        return out.toString();
    }

    void succeeded() {
        if (lastFailure != null) {
            log.info("collector {} ({} at {}) reads the endpoint again", endpoint.id(), endpoint.site(), endpoint.address());
            lastFailure = null;
        }
    }
}
