package org.sitewatch.core.fold;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.sitewatch.events.ReplicationStatus;

/**
 * When a protected item's test failover is overdue: it has one, older than
 * {@link ReplicationRules#testFailoverMaxAgeDays()} at {@code now}. Items with none are "never tested",
 * a separate count. Like the RPO, being overdue comes with the passing of time, so {@link #overdueAt}
 * gives the instant a timer must re-evaluate the item.
 */
public final class TestFailoverPolicy {

    private TestFailoverPolicy() {
    }

    public static boolean neverTested(ReplicationStatus r) {
        return RpoPolicy.isProtected(r) && r.lastTestFailover() == null;
    }

    public static boolean overdue(ReplicationStatus r, Instant now, ReplicationRules rules) {
        return RpoPolicy.isProtected(r) && r.lastTestFailover() != null && now.isAfter(expiry(r, rules));
    }

    /** The first millisecond the test failover is overdue; empty for items never tested or not protected. */
    public static Optional<Instant> overdueAt(ReplicationStatus r, ReplicationRules rules) {
        if (!RpoPolicy.isProtected(r) || r.lastTestFailover() == null) {
            return Optional.empty();
        }
        return Optional.of(expiry(r, rules).truncatedTo(ChronoUnit.MILLIS).plusMillis(1));
    }

    private static Instant expiry(ReplicationStatus r, ReplicationRules rules) {
        return r.lastTestFailover().plus(Duration.ofDays(rules.testFailoverMaxAgeDays()));
    }
}
