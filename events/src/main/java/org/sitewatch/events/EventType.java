package org.sitewatch.events;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The six event types of the contract: CloudEvents {@code type} name, data record class, subject
 * prefix and the raw topic they are published to. Type names are versioned: a breaking change to a
 * data record gets a new {@code .vN} name and a new constant.
 */
public enum EventType {
    VM_STATE("org.sitewatch.vm.state.v1", VmState.class, "vm"),
    HA_HOST("org.sitewatch.ha.host.v1", HaHost.class, "ha-host"),
    HA_CLUSTER("org.sitewatch.ha.cluster.v1", HaCluster.class, "ha-cluster"),
    HA_ACTION("org.sitewatch.ha.action.v1", HaAction.class, "ha-action"),
    REPLICATION_STATUS("org.sitewatch.replication.status.v1", ReplicationStatus.class, "replication"),
    COLLECTOR_HEARTBEAT("org.sitewatch.collector.heartbeat.v1", CollectorHeartbeat.class, "collector");

    private static final Map<String, EventType> BY_NAME =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(EventType::typeName, Function.identity()));
    private static final Map<Class<?>, EventType> BY_CLASS =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(EventType::dataClass, Function.identity()));

    private final String typeName;
    private final Class<? extends EventData> dataClass;
    private final String subjectPrefix;

    EventType(String typeName, Class<? extends EventData> dataClass, String subjectPrefix) {
        this.typeName = typeName;
        this.dataClass = dataClass;
        this.subjectPrefix = subjectPrefix;
    }

    /** The CloudEvents {@code type} attribute. */
    public String typeName() {
        return typeName;
    }

    public Class<? extends EventData> dataClass() {
        return dataClass;
    }

    /** The file name of this type's JSON Schema under {@code /schemas/} in the jar. */
    public String schemaResource() {
        return "/schemas/" + typeName.substring("org.sitewatch.".length()) + ".json";
    }

    /** The CloudEvents {@code subject}: {@code <prefix>/<site>/<entity id>}, e.g. {@code vm/paris-dc1/100}. */
    public String subjectOf(EventData data) {
        return subjectPrefix + "/" + data.site() + "/" + data.entityId();
    }

    /** The raw topic this type is published to. */
    public TopicSpec<String, SitewatchEvent> topic() {
        return switch (this) {
            case VM_STATE -> Topics.VM;
            case HA_HOST, HA_CLUSTER, HA_ACTION -> Topics.HA;
            case REPLICATION_STATUS -> Topics.REPLICATION;
            case COLLECTOR_HEARTBEAT -> Topics.COLLECTOR;
        };
    }

    public static Optional<EventType> fromTypeName(String typeName) {
        return Optional.ofNullable(BY_NAME.get(typeName));
    }

    public static EventType of(EventData data) {
        return BY_CLASS.get(data.getClass());
    }
}
