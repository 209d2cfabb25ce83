package org.sitewatch.collectors.azure;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.sitewatch.collectors.azure.mapping.ReplicationPolicy;

/** When a vault's policies are read again: an unknown policy at once, else every N polls; none named, never. */
class VaultPoliciesTest {

    private static final ReplicationPolicy A2A = new ReplicationPolicy("p/a2a", "a2a", "A2A", Duration.ofMinutes(30));
    private static final ReplicationPolicy HYPER_V = new ReplicationPolicy("p/hv", "hv", "HyperVReplicaAzure", null);

    private final VaultPolicies policies = new VaultPolicies();

    @Test
    void noItemNamingAPolicyNeedsNoRead() {
        assertThat(policies.due(Set.of(), 0, 10)).isFalse();
        assertThat(policies.due(Set.of(), 25, 10)).isFalse();
    }

    @Test
    void aPolicyNotKnownIsReadAtOnceThenEveryNPollsFromTheLastAttempt() {
        assertThat(policies.due(Set.of("p/a2a"), 0, 10)).isTrue();
        policies.attempted(0);
        policies.read(List.of(A2A, HYPER_V), Set.of("p/a2a"));

        assertThat(policies.known()).containsOnlyKeys("p/a2a", "p/hv");
        assertThat(policies.due(Set.of("p/a2a", "p/hv"), 9, 10)).isFalse();
        assertThat(policies.due(Set.of("p/a2a"), 10, 10)).isTrue();
        assertThat(policies.due(Set.of("p/a2a", "p/new"), 3, 10)).as("a policy assigned since").isTrue();
    }

    @Test
    void aPolicyTheListLackedWaitsForTheCadenceInsteadOfAReadEveryPoll() {
        policies.attempted(0);
        policies.read(List.of(A2A), Set.of("p/a2a", "p/deleted"));

        assertThat(policies.due(Set.of("p/a2a", "p/deleted"), 1, 10)).isFalse();
        assertThat(policies.due(Set.of("p/a2a", "p/deleted"), 10, 10)).isTrue();
    }

    @Test
    void afterAFailedReadTheKnownPoliciesStayAndUnknownOnesAreTriedAgainNextPoll() {
        policies.attempted(0);
        policies.read(List.of(A2A), Set.of("p/a2a"));
        policies.attempted(10);
        // the read at poll 10 failed: nothing replaced

        assertThat(policies.known()).containsOnlyKeys("p/a2a");
        assertThat(policies.due(Set.of("p/a2a"), 11, 10)).isFalse();
        assertThat(policies.due(Set.of("p/a2a", "p/hv"), 11, 10)).isTrue();
    }
}
