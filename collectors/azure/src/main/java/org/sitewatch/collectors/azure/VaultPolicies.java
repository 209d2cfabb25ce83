package org.sitewatch.collectors.azure;

import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.sitewatch.collectors.azure.mapping.ReplicationPolicy;

/**
 * What the collector knows of one vault's replication policies, and when to read them again.
 * Policies change rarely (an administrator edits a threshold), so they are read only while some
 * item names one: at once when an item names a policy not known yet (the first poll, a policy
 * created or assigned since), otherwise every {@code policy-every} polls counted from the last
 * attempt. A policy an item names that the last successful list lacked waits for the cadence rather
 * than causing a read on every poll. After a failed read the last known policies stay in use, and
 * policies never read successfully are tried again on the next poll.
 */
final class VaultPolicies {

    private Map<String, ReplicationPolicy> known = Map.of();
    /** Ids items named at the last successful read that its list did not hold. */
    private Set<String> missingAtLastRead = Set.of();
    private long lastAttemptPoll;

    /** The policies known, by lower-cased id. */
    Map<String, ReplicationPolicy> known() {
        return known;
    }

    /**
     * @param named the lower-cased policy ids this poll's items name
     * @param poll the poll's number, counted from 0
     */
    boolean due(Set<String> named, long poll, int every) {
        if (named.isEmpty()) {
            return false;
        }
        boolean unknown = named.stream().anyMatch(id -> !known.containsKey(id) && !missingAtLastRead.contains(id));
        return unknown || poll - lastAttemptPoll >= every;
    }

    /** A read was tried at {@code poll} (whatever its outcome). */
    void attempted(long poll) {
        lastAttemptPoll = poll;
    }

    /** The policies read, replacing those known; {@code named} says which ids items asked for. */
    void read(Collection<ReplicationPolicy> policies, Set<String> named) {
        known = policies.stream().collect(Collectors.toUnmodifiableMap(ReplicationPolicy::id, Function.identity(),
                (first, second) -> first));
        Set<String> missing = new HashSet<>(named);
        missing.removeAll(known.keySet());
        missingAtLastRead = Set.copyOf(missing);
    }
}
