package org.sitewatch.collectors.azure.mapping;

import java.util.Map;
import org.sitewatch.events.ReplicationHealth;

/**
 * ASR's state words on a replication protected item. ARM types them as free strings with no enum
 * (see the vendor doc, section 2.2), so each table holds the words the doc shows and anything else
 * reads as UNKNOWN with the word kept.
 */
public final class AsrWords {

    private AsrWords() {
    }

    /** {@code replicationHealth} and {@code failoverHealth}: Normal, Warning, Critical. */
    public enum Health {
        NORMAL(ReplicationHealth.OK), WARNING(ReplicationHealth.WARNING), CRITICAL(ReplicationHealth.CRITICAL),
        UNKNOWN(ReplicationHealth.UNKNOWN);

        private final ReplicationHealth health;

        Health(ReplicationHealth health) {
            this.health = health;
        }

        public ReplicationHealth health() {
            return health;
        }
    }

    /**
     * {@code protectionState}: the doc confirms Protected and UnplannedFailoverFailed only (the full
     * ASR list is unpublished; the Data Replication service's list must not be assumed).
     */
    public enum ProtectionState { PROTECTED, UNPLANNED_FAILOVER_FAILED, UNKNOWN }

    /**
     * {@code activeLocation}: where the workload runs. Primary is in the doc's examples; Recovery is
     * its counterpart after a failover (the only other location an item has).
     */
    public enum ActiveLocation { PRIMARY, RECOVERY, UNKNOWN }

    /** {@code testFailoverState}: None, or MarkedForDeletion while a test environment is cleaned up. */
    public enum TestFailoverState { NONE, MARKED_FOR_DELETION, UNKNOWN }

    public static Reading<Health> health(String word) {
        return Reading.of(word, Map.of("normal", Health.NORMAL, "warning", Health.WARNING,
                "critical", Health.CRITICAL), Health.UNKNOWN);
    }

    public static Reading<ProtectionState> protectionState(String word) {
        return Reading.of(word, Map.of("protected", ProtectionState.PROTECTED,
                "unplannedfailoverfailed", ProtectionState.UNPLANNED_FAILOVER_FAILED), ProtectionState.UNKNOWN);
    }

    public static Reading<ActiveLocation> activeLocation(String word) {
        return Reading.of(word, Map.of("primary", ActiveLocation.PRIMARY, "recovery", ActiveLocation.RECOVERY),
                ActiveLocation.UNKNOWN);
    }

    public static Reading<TestFailoverState> testFailoverState(String word) {
        return Reading.of(word, Map.of("none", TestFailoverState.NONE,
                "markedfordeletion", TestFailoverState.MARKED_FOR_DELETION), TestFailoverState.UNKNOWN);
    }
}
