package org.sitewatch.collectors.oraclevm;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.sitewatch.collectors.spi.EndpointConfig;
import org.sitewatch.collectors.spi.Snapshot;
import org.sitewatch.events.EventType;
import org.sitewatch.events.HaCluster;
import org.sitewatch.events.HaHost;
import org.sitewatch.events.HaHostState;
import org.sitewatch.events.Platform;
import org.sitewatch.events.VmState;

/**
 * Maps the objects of one poll to Sitewatch records:
 * <ul>
 *   <li>each {@code Vm} but templates ({@code vmRunState} TEMPLATE) → {@link VmState}: power from
 *       {@code vmRunState} ({@link OvmStates#vmPower}), the word kept as vendor state; host = the
 *       server of {@code serverId}; cluster = the pool of {@code serverPoolId}; HA protected =
 *       {@code highAvailability}, its HA word {@code restartActionOnCrash};</li>
 *   <li>each {@code Server} → {@link HaHost}: state from {@code serverRunState} and
 *       {@code maintenanceMode} ({@link OvmStates#hostState}), in the cluster of its pool;</li>
 *   <li>each {@code ServerPool} → {@link HaCluster}: HA enabled when it has a {@code clusterId};
 *       hosts total = its {@code serverIds}, healthy = those of them HEALTHY. Oracle VM shows no
 *       quorum and no spare-capacity figure, so both stay null.</li>
 * </ul>
 * Names come from the ID objects, else from the objects they point to, else the ids. A pool is known
 * by its name everywhere (the HA cluster's id, the cluster of its hosts, VMs and HA actions), so
 * alerts read as the Manager's UI does; limit: two pools of one Manager with the same name would be
 * taken for one. An object that cannot be read is skipped with its reason, its type marked partial.
 */
final class OracleVmMapper {

    private final EndpointConfig endpoint;

    OracleVmMapper(EndpointConfig endpoint) {
        this.endpoint = endpoint;
    }

    /** Parses every object of a bare array; one that cannot be read is skipped into {@code out}. */
    static <T> List<T> parseAll(JsonNode array, String type, Function<JsonNode, T> parser, EventType eventType,
                                Snapshot.Builder out) {
        List<T> parsed = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            JsonNode item = array.get(i);
            try {
                parsed.add(parser.apply(item));
            } catch (OvmRecordException e) {
                String id = item.path("id").path("value").asText(item.path("id").asText(""));
                out.skipped(type + " #" + i + (id.isEmpty() ? "" : " (" + id + ")") + ": " + e.getMessage());
                out.partial(eventType);
            }
        }
        return parsed;
    }

    void vms(OvmInventory inventory, Snapshot.Builder out) {
        for (OvmVm vm : inventory.vms()) {
            if (vm.template()) {
                continue;
            }
            String host = vm.server() == null ? null : inventory.serverName(vm.server());
            String cluster = vm.pool() == null ? null : inventory.poolName(vm.pool());
            String haWord = vm.ha() ? (vm.restartActionOnCrash() != null ? vm.restartActionOnCrash() : "HA") : null;
            out.state(new VmState(endpoint.site(), Platform.ORACLEVM, vm.id().value(), vm.name(), host, cluster,
                    OvmStates.vmPower(vm.runState()), vm.runState(), vm.highAvailability(), haWord, false));
        }
    }

    void hosts(OvmInventory inventory, Snapshot.Builder out) {
        for (OvmServer s : inventory.servers()) {
            HaHostState state = OvmStates.hostState(s.runState(), s.maintenanceMode());
            String detail = Boolean.TRUE.equals(s.maintenanceMode()) ? "in maintenance mode" : null;
            out.state(new HaHost(endpoint.siteOfHost(s.label()), Platform.ORACLEVM, s.id().value(), s.label(),
                    s.pool() == null ? null : inventory.poolName(s.pool()), state, s.runState(), detail, false));
        }
    }

    void pools(OvmInventory inventory, Snapshot.Builder out) {
        Map<String, OvmServer> byId = new HashMap<>();
        inventory.servers().forEach(s -> byId.put(s.id().value(), s));
        for (OvmPool pool : inventory.pools()) {
            int healthy = 0;
            int running = 0;
            for (OvmRef ref : pool.servers()) {
                OvmServer s = byId.get(ref.value());
                if (s != null && OvmStates.hostState(s.runState(), s.maintenanceMode()) == HaHostState.HEALTHY) {
                    healthy++;
                }
                if (s != null && s.running()) {
                    running++;
                }
            }
            int total = pool.servers().size();
            String master = pool.master() == null ? "" : ", master " + inventory.serverName(pool.master());
            out.state(new HaCluster(endpoint.site(), Platform.ORACLEVM, pool.label(), pool.label(),
                    pool.cluster() != null, total, healthy, null, null, running + "/" + total + " servers RUNNING" + master));
        }
    }
}
