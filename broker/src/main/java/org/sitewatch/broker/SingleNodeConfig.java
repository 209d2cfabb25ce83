package org.sitewatch.broker;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * Builds the broker properties of a combined (broker + controller) single-node KRaft server.
 *
 * <p>Fixed: node id, listeners on one host (PLAINTEXT for clients and between brokers, CONTROLLER for the
 * quorum, plus any extra client listeners such as SASL_SSL, each with its own security protocol),
 * a static one-voter quorum and the log directory. Defaults suited to one node (internal topics with
 * replication factor 1, no auto-created topics, no rebalance delay) may be overridden; the fixed keys
 * may not, since changing them would break the single-node layout.
 */
final class SingleNodeConfig {

    static final int NODE_ID = 1;
    static final String CONTROLLER_LISTENER = "CONTROLLER";
    static final String CLIENT_LISTENER = "PLAINTEXT";

    /** Keys owned by this class; overriding them is rejected. */
    static final Set<String> RESERVED_KEYS = Set.of(
            "node.id", "broker.id", "process.roles", "listeners", "advertised.listeners",
            "listener.security.protocol.map", "controller.listener.names", "inter.broker.listener.name",
            "controller.quorum.voters", "controller.quorum.bootstrap.servers",
            "log.dirs", "log.dir", "metadata.log.dir");

    /**
     * A further client listener: its name (as in {@code listener.name.<name>.*} settings), its security
     * protocol ({@code SSL}, {@code SASL_SSL}, ...) and port.
     */
    record Listener(String name, String securityProtocol, int port) {
    }

    private SingleNodeConfig() {
    }

    static Properties build(Path logDir, String host, int port, int controllerPort, List<Listener> extraListeners,
                            Map<String, String> overrides) {
        Map<String, String> props = new LinkedHashMap<>();
        props.put("node.id", String.valueOf(NODE_ID));
        props.put("process.roles", "broker,controller");
        StringBuilder listeners = new StringBuilder(CLIENT_LISTENER + "://" + host + ":" + port);
        StringBuilder advertised = new StringBuilder(listeners);
        StringBuilder protocols = new StringBuilder(CLIENT_LISTENER + ":PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
        for (Listener extra : extraListeners) {
            String endpoint = "," + extra.name() + "://" + host + ":" + extra.port();
            listeners.append(endpoint);
            advertised.append(endpoint);
            protocols.append(',').append(extra.name()).append(':').append(extra.securityProtocol());
        }
        props.put("listeners", listeners + "," + CONTROLLER_LISTENER + "://" + host + ":" + controllerPort);
        props.put("advertised.listeners", advertised.toString());
        props.put("listener.security.protocol.map", protocols.toString());
        props.put("controller.listener.names", CONTROLLER_LISTENER);
        props.put("inter.broker.listener.name", CLIENT_LISTENER);
        // Static quorum: the voter endpoint is read from config on every start, so a new controller
        // port after a restart is harmless (a dynamic quorum would persist the old endpoint).
        props.put("controller.quorum.voters", NODE_ID + "@" + host + ":" + controllerPort);
        props.put("log.dirs", logDir.toString());

        // Sitewatch creates its topics explicitly.
        props.put("auto.create.topics.enable", "false");
        // One node: internal topics must fit on it, or groups and transactions never work.
        props.put("offsets.topic.replication.factor", "1");
        props.put("transaction.state.log.replication.factor", "1");
        props.put("transaction.state.log.min.isr", "1");
        props.put("share.coordinator.state.topic.replication.factor", "1");
        props.put("share.coordinator.state.topic.min.isr", "1");
        props.put("default.replication.factor", "1");
        props.put("min.insync.replicas", "1");
        // Fewer coordinator partitions than Kafka's 50: a handful of groups and transactional ids.
        // Only read when the internal topic is first created; do not change it on an existing data dir.
        props.put("offsets.topic.num.partitions", "10");
        props.put("transaction.state.log.num.partitions", "10");
        props.put("num.partitions", "1");
        props.put("group.initial.rebalance.delay.ms", "0");
        // The log cleaner allocates this on the heap at start; Kafka's 128 MiB is sized for big brokers.
        props.put("log.cleaner.dedupe.buffer.size", String.valueOf(16 * 1024 * 1024));
        // Bounds KafkaRaftServer.startup(), which otherwise may wait forever for the metadata catch-up.
        props.put("server.max.startup.time.ms", "60000");

        overrides.forEach((key, value) -> {
            if (RESERVED_KEYS.contains(key)) {
                throw new IllegalArgumentException("Broker property '" + key + "' is set by EmbeddedKafkaBroker and cannot be overridden");
            }
            props.put(key, value);
        });
        Properties properties = new Properties();
        properties.putAll(props);
        return properties;
    }
}
