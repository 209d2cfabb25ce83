package org.sitewatch.streams.fold;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.sitewatch.events.ReplicationState;
import org.sitewatch.events.ReplicationStatus;

/**
 * When a replicated item is outside its recovery point objective: {@code now - lastRecoveryPoint >
 * target}, where the target is the item's own {@code targetRpoSeconds} or else the site's
 * {@link SiteRules#defaultTargetRpoSeconds()}. A null last recovery point means never synced, which
 * is outside. Items without any target, removed items, and items NOT_CONFIGURED or FAILED_OVER
 * (nothing is being replicated to them any more) are not checked.
 *
 * <p>Because the condition changes with the mere passing of time, {@link #crossesAt} gives the first
 * instant the item is outside, so a timer can re-evaluate it exactly then without a new event.
 */
public final class RpoPolicy {

    private RpoPolicy() {
    }

    public static Long targetSeconds(ReplicationStatus r, SiteRules rules) {
        return r.targetRpoSeconds() != null ? r.targetRpoSeconds() : rules.defaultTargetRpoSeconds();
    }

    public static boolean isChecked(ReplicationStatus r, SiteRules rules) {
        return !r.removed()
                && targetSeconds(r, rules) != null
                && r.state() != ReplicationState.NOT_CONFIGURED
                && r.state() != ReplicationState.FAILED_OVER;
    }

    public static boolean outsideRpo(ReplicationStatus r, Instant now, SiteRules rules) {
        if (!isChecked(r, rules)) {
            return false;
        }
        return r.lastRecoveryPoint() == null || now.isAfter(r.lastRecoveryPoint().plusSeconds(targetSeconds(r, rules)));
    }

    /**
     * The first millisecond at which the item is outside its RPO if nothing new arrives; empty when
     * it is not checked or has never synced (then it is outside already).
     */
    public static Optional<Instant> crossesAt(ReplicationStatus r, SiteRules rules) {
        if (!isChecked(r, rules) || r.lastRecoveryPoint() == null) {
            return Optional.empty();
        }
        // outside <=> now > lrp + target; the next whole millisecond after lrp + target is the first such instant.
        Instant limit = r.lastRecoveryPoint().plusSeconds(targetSeconds(r, rules));
        return Optional.of(limit.truncatedTo(ChronoUnit.MILLIS).plusMillis(1));
    }
}
