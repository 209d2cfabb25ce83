package org.sitewatch.bench.load;

import java.time.Instant;

/**
 * What a send achieved.
 *
 * @param sent events handed to the producer
 * @param failed of those, sends Kafka did not acknowledge
 * @param seconds from the first send until every send was acknowledged (or failed)
 * @param firstEventTime event time of the first event sent; null when none
 * @param lastEventTime event time of the last event sent; null when none
 * @param firstError the first send failure, null when none
 */
public record SendOutcome(long sent, long failed, double seconds, Instant firstEventTime, Instant lastEventTime,
                          Throwable firstError) {

    /** Acknowledged events per second over the whole send: the achieved rate. */
    public double eventsPerSecond() {
        return seconds <= 0 ? 0 : (sent - failed) / seconds;
    }
}
