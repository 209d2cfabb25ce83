package org.sitewatch.collectors.oraclevm;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The objects one poll read, with the look-ups the mappers share: a reference's name (from the ID
 * object, else from the object it points to, else its id) and whether a server is RUNNING.
 *
 * @param pools empty when {@code /ServerPool} could not be read
 */
record OvmInventory(List<OvmVm> vms, List<OvmServer> servers, List<OvmPool> pools) {

    OvmInventory {
        vms = List.copyOf(vms);
        servers = List.copyOf(servers);
        pools = List.copyOf(pools);
    }

    /** The name of the server a reference points to. */
    String serverName(OvmRef ref) {
        return named(ref, servers.stream().filter(s -> s.id().value().equals(ref.value())).map(OvmServer::label)
                .findFirst().orElse(null));
    }

    /** The name of the pool a reference points to. */
    String poolName(OvmRef ref) {
        return named(ref, pools.stream().filter(p -> p.id().value().equals(ref.value())).map(OvmPool::label)
                .findFirst().orElse(null));
    }

    /** Server id → whether it is RUNNING now. */
    Map<String, Boolean> serverRunning() {
        Map<String, Boolean> out = new HashMap<>();
        servers.forEach(s -> out.put(s.id().value(), s.running()));
        return out;
    }

    private static String named(OvmRef ref, String listedName) {
        if (ref.name() != null && !ref.name().isBlank()) {
            return ref.name();
        }
        return listedName != null ? listedName : ref.value();
    }
}
