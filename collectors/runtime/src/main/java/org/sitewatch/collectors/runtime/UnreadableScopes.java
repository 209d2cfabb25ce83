package org.sitewatch.collectors.runtime;

import java.util.List;
import org.sitewatch.collectors.spi.PartialRead;
import org.sitewatch.collectors.spi.Scope;
import org.sitewatch.events.EventData;
import org.sitewatch.events.EventType;
import org.sitewatch.events.HaCluster;
import org.sitewatch.events.HaHost;
import org.sitewatch.events.ReplicationStatus;
import org.sitewatch.events.VmState;

/**
 * Which entities a snapshot's partial reads cover, from contract fields every vendor fills (see
 * {@link Scope} for the rules). Entities covered keep their last published state: the change
 * detector neither updates nor removes them. Java 17: instanceof chains instead of pattern switches.
 */
final class UnreadableScopes {

    private final List<PartialRead> reads;

    UnreadableScopes(List<PartialRead> reads) {
        this.reads = List.copyOf(reads);
    }

    boolean isEmpty() {
        return reads.isEmpty();
    }

    /** Whether some partial read covers this entity. */
    boolean covers(EventData data) {
        EventType type = EventType.of(data);
        for (PartialRead read : reads) {
            if (read.type() == type && covers(read.scope(), data)) {
                return true;
            }
        }
        return false;
    }

    static boolean covers(Scope scope, EventData data) {
        String name = scope.name();
        switch (scope.kind()) {
            case ENDPOINT:
                return true;
            case NODE:
                if (data instanceof VmState vm) {
                    return name.equals(vm.host());
                }
                if (data instanceof HaHost host) {
                    return name.equals(host.hostId()) || name.equals(host.hostName());
                }
                return data instanceof ReplicationStatus r && name.equals(r.sourceHost());
            case CLUSTER:
                if (data instanceof VmState vm) {
                    return name.equals(vm.cluster());
                }
                if (data instanceof HaHost host) {
                    return name.equals(host.cluster());
                }
                if (data instanceof HaCluster cluster) {
                    return name.equals(cluster.clusterId());
                }
                // Replication items name no cluster: a cluster that cannot be read covers all of them.
                return data instanceof ReplicationStatus;
            default:
                throw new IllegalStateException("unknown scope kind " + scope.kind());
        }
    }
}
