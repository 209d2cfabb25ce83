package org.sitewatch.core.fold;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.sitewatch.events.ReplicationState;
import org.sitewatch.events.ReplicationStatus;

/**
 * When a replicated item is outside its recovery point objective: {@code now - lastRecoveryPoint >
 * target + grace}. The target is the configured override, else the item's own {@code targetRpoSeconds},
 * else the configured default ({@link ReplicationRules}). A null last recovery point means never
 * synced, which is outside. Items without any target, removed items, items NOT_CONFIGURED or
 * FAILED_OVER (nothing is being replicated to them any more) and items whose technology reports no
 * recovery points ({@link ReplicationStatus#recoveryPointNotReported()}: nothing to judge) are not checked.
 *
 * <p>Because the condition changes with the mere passing of time, {@link #crossesAt} gives the first
 * instant the item is outside, so a timer can re-evaluate it exactly then without a new event.
 */
public final class RpoPolicy {

    private RpoPolicy() {
    }

    public static Long targetSeconds(ReplicationStatus r, ReplicationRules rules) {
        if (rules.targetRpoSecondsOverride() != null) {
            return rules.targetRpoSecondsOverride();
        }
        return r.targetRpoSeconds() != null ? r.targetRpoSeconds() : rules.defaultTargetRpoSeconds();
    }

    /** Whether the item is being replicated at all (its lag and test failovers mean something). */
    public static boolean isProtected(ReplicationStatus r) {
        return !r.removed() && r.state() != ReplicationState.NOT_CONFIGURED && r.state() != ReplicationState.FAILED_OVER;
    }

    public static boolean isChecked(ReplicationStatus r, ReplicationRules rules) {
        return isProtected(r) && !r.recoveryPointNotReported() && targetSeconds(r, rules) != null;
    }

    public static boolean outsideRpo(ReplicationStatus r, Instant now, ReplicationRules rules) {
        if (!isChecked(r, rules)) {
            return false;
        }
        return r.lastRecoveryPoint() == null || now.isAfter(limit(r, rules));
    }

    /**
     * The first millisecond at which the item is outside its RPO if nothing new arrives; empty when
     * it is not checked or has never synced (then it is outside already).
     */
    public static Optional<Instant> crossesAt(ReplicationStatus r, ReplicationRules rules) {
        if (!isChecked(r, rules) || r.lastRecoveryPoint() == null) {
            return Optional.empty();
        }
        // outside <=> now > lrp + target + grace; the next whole millisecond after that is the first such instant.
        return Optional.of(limit(r, rules).truncatedTo(ChronoUnit.MILLIS).plusMillis(1));
    }

    private static Instant limit(ReplicationStatus r, ReplicationRules rules) {
        return r.lastRecoveryPoint().plusSeconds(targetSeconds(r, rules) + rules.rpoGraceSeconds());
    }
}
