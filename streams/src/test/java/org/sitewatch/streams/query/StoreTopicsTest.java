package org.sitewatch.streams.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sitewatch.events.Topics;
import org.sitewatch.streams.support.TopologyFixture;
import org.sitewatch.streams.topology.SitewatchTopology;
import org.sitewatch.streams.topology.StoreNames;
import org.sitewatch.streams.topology.TopologySettings;

/**
 * The stores' source topics as the assignment names them: a store fed by a repartition topic (the site
 * aggregates behind {@code /api/sites}) must name it with the application id, or the per-partition readiness
 * check finds none of its partitions and a store still restoring after a rebalance went unnoticed (a partial
 * {@code /api/sites} answered 200, seen in StreamsFailoverFaultIT).
 */
class StoreTopicsTest {

    @TempDir
    Path dir;

    @Test
    void shouldNameRepartitionTopicsWithTheApplicationIdAndRawTopicsAsTheyAre() {
        Map<String, Set<String>> topics = StoreTopics.of(
                SitewatchTopology.topology(TopologyFixture.properties(dir), TopologySettings.defaults()), "sw-app");

        assertThat(topics.get(StoreNames.SITE_AGGREGATES)).containsExactly("sw-app-site-deltas-repartition");
        assertThat(topics.get(StoreNames.PAIR_AGGREGATES)).containsExactly("sw-app-pair-deltas-repartition");
        assertThat(topics.get(StoreNames.VM_STATE)).contains(Topics.VM.name()).allMatch(t -> !t.startsWith("sw-app-"));
    }
}
