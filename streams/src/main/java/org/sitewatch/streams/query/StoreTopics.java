package org.sitewatch.streams.query;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyDescription;

/** Which source topics feed the sub-topology of each store, read from {@link Topology#describe()}. */
public final class StoreTopics {

    private StoreTopics() {
    }

    public static Map<String, Set<String>> of(Topology topology) {
        Map<String, Set<String>> byStore = new HashMap<>();
        for (TopologyDescription.Subtopology sub : topology.describe().subtopologies()) {
            Set<String> topics = new HashSet<>();
            Set<String> stores = new HashSet<>();
            for (TopologyDescription.Node node : sub.nodes()) {
                if (node instanceof TopologyDescription.Source source && source.topicSet() != null) {
                    topics.addAll(source.topicSet());
                }
                if (node instanceof TopologyDescription.Processor processor) {
                    stores.addAll(processor.stores());
                }
            }
            stores.forEach(store -> byStore.put(store, Set.copyOf(topics)));
        }
        return Map.copyOf(byStore);
    }
}
