package org.sitewatch.streams.query;

/**
 * Whether the views can be answered now, and if not, why.
 *
 * @param state the Kafka Streams state (or a test double's), e.g. RUNNING, REBALANCING
 * @param reason human-readable, null when ready
 */
public record Readiness(boolean ready, String state, String reason) {

    public static Readiness ready(String state) {
        return new Readiness(true, state, null);
    }

    public static Readiness notReady(String state, String reason) {
        return new Readiness(false, state, reason);
    }
}
