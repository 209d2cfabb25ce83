package org.sitewatch.streams.query;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyDescription;

/**
 * Which source topics feed the sub-topology of each store, read from {@link Topology#describe()}, named as
 * Kafka Streams' metadata names them: the description shows a repartition topic without its
 * {@code <application.id>-} prefix ({@code site-deltas-repartition}), the assignment with it; a name left
 * short would match no assigned partition, and the readiness check of a store fed by a repartition topic
 * (the site and pair aggregates) would check nothing.
 */
public final class StoreTopics {

    private static final String REPARTITION_SUFFIX = "-repartition";

    private StoreTopics() {
    }

    public static Map<String, Set<String>> of(Topology topology, String applicationId) {
        Map<String, Set<String>> byStore = new HashMap<>();
        for (TopologyDescription.Subtopology sub : topology.describe().subtopologies()) {
            Set<String> topics = new HashSet<>();
            Set<String> stores = new HashSet<>();
            for (TopologyDescription.Node node : sub.nodes()) {
                if (node instanceof TopologyDescription.Source source && source.topicSet() != null) {
                    source.topicSet().forEach(topic -> topics.add(assignedName(topic, applicationId)));
                }
                if (node instanceof TopologyDescription.Processor processor) {
                    stores.addAll(processor.stores());
                }
            }
            stores.forEach(store -> byStore.put(store, Set.copyOf(topics)));
        }
        return Map.copyOf(byStore);
    }

    private static String assignedName(String topic, String applicationId) {
        boolean internal = topic.endsWith(REPARTITION_SUFFIX) && !topic.startsWith(applicationId + "-");
        return internal ? applicationId + "-" + topic : topic;
    }
}
