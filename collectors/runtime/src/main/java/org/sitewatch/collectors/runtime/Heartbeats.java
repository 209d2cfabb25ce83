package org.sitewatch.collectors.runtime;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.sitewatch.collectors.spi.CollectorException;
import org.sitewatch.collectors.spi.EndpointConfig;
import org.sitewatch.collectors.spi.PartialRead;
import org.sitewatch.collectors.spi.settings.Redactor;
import org.sitewatch.events.CollectorHeartbeat;
import org.sitewatch.events.CollectorStatus;
import org.sitewatch.events.UnreadableScope;

/**
 * Builds one endpoint's heartbeats and remembers its last success. {@code intervalSeconds} is the
 * delay until the next heartbeat is due (longer while backing off), so the streams app's staleness
 * check expects exactly what the runtime plans. Every heartbeat carries the endpoint's configured
 * location (cloud and region), failed ones too, so a site's location is known before its first good poll.
 * Error texts are redacted ({@link Redactor}) even though the SPI's exceptions already are: a source may
 * build its own texts, and heartbeats are kept on a compacted topic for a long time.
 */
final class Heartbeats {

    private static final int MAX_ERROR_LENGTH = 500;

    private final EndpointConfig endpoint;
    private Instant lastSuccess;

    Heartbeats(EndpointConfig endpoint) {
        this.endpoint = endpoint;
    }

    /** A successful poll; {@code unreadable} lists what it could not read (a partial read), if anything. */
    CollectorHeartbeat ok(Instant observedAt, Duration pollDuration, Duration nextIn, List<PartialRead> unreadable) {
        lastSuccess = observedAt;
        return new CollectorHeartbeat(endpoint.site(), endpoint.platform(), endpoint.id(), endpoint.address(),
                CollectorStatus.OK, null, null, millis(pollDuration), lastSuccess, seconds(nextIn), null,
                unreadable.stream().map(p -> new UnreadableScope(p.type().typeName(), p.scope().toString(),
                        truncate(p.reason()))).toList(), endpoint.location());
    }

    CollectorHeartbeat failed(CollectorException e, Duration pollDuration, Duration nextIn) {
        return new CollectorHeartbeat(endpoint.site(), endpoint.platform(), endpoint.id(), endpoint.address(),
                e.status(), e.kind(), truncate(e.describe()), millis(pollDuration), lastSuccess, seconds(nextIn), null,
                List.of(), endpoint.location());
    }

    Instant lastSuccess() {
        return lastSuccess;
    }

    private static Long millis(Duration d) {
        return d == null ? null : d.toMillis();
    }

    /** Rounded up, at least one second: the contract requires a positive interval. */
    private static long seconds(Duration d) {
        long s = d.getSeconds() + (d.getNano() > 0 ? 1 : 0);
        return Math.max(1, s);
    }

    /** Redacted before it is cut, so a cut cannot leave half a credential the redactor no longer recognises. */
    private static String truncate(String text) {
        String s = Redactor.redact(text);
        return s.length() <= MAX_ERROR_LENGTH ? s : s.substring(0, MAX_ERROR_LENGTH - 1) + "…";
    }
}
