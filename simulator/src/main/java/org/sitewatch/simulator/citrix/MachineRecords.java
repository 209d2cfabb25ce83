package org.sitewatch.simulator.citrix;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.sitewatch.simulator.engine.ClusterState;
import org.sitewatch.simulator.engine.GuestState;
import org.sitewatch.simulator.engine.NodeState;

/**
 * The Monitor Service's view of one customer, made from the engine's state: every guest is a VDI
 * machine (a {@code Machines} record) on its node as hosting server, in the delivery group the
 * settings give it. What the broker would see:
 * <ul>
 *   <li>running on an online node: On (3), Registered (1), fault None (1), some sessions;</li>
 *   <li>stopped on an online node: Off (2), Unregistered (2), last deregistration PowerOff (200), fault None;</li>
 *   <li>on a node that is offline: power Unknown (0), the hypervisor cannot be asked; Unregistered
 *       with ContactLost (207) and fault Unregistered (4) when it was running, PowerOff (200) and no
 *       fault when it was stopped.</li>
 * </ul>
 * Enums are integers, as in OData v4; with {@code numbers-as-strings} every integer is a string.
 */
final class MachineRecords {

    private final ClusterState state;
    private final DaasSettings settings;
    private final Instant now;

    MachineRecords(ClusterState state, DaasSettings settings, Instant now) {
        this.state = state;
        this.settings = settings;
        this.now = now;
    }

    List<Map<String, Object>> machines() {
        List<Map<String, Object>> out = new ArrayList<>();
        for (GuestState g : state.guests()) {
            out.add(machine(g));
        }
        return out;
    }

    List<Map<String, Object>> desktopGroups() {
        Map<String, Map<String, Object>> groups = new LinkedHashMap<>();
        settings.groupOfGuest().values().forEach(name -> groups.computeIfAbsent(name, this::desktopGroup));
        return new ArrayList<>(groups.values());
    }

    private Map<String, Object> machine(GuestState g) {
        NodeState node = state.node(g.node());
        boolean hostUp = node != null && node.online();
        boolean registered = hostUp && g.running();
        int power = !hostUp ? 0 : g.running() ? 3 : 2;
        int fault = !hostUp && g.running() ? 4 : 1;
        Integer lastDeregistration = registered ? null : !hostUp && g.running() ? 207 : 200;
        String name = g.spec().name();
        String group = settings.groupOfGuest().get(name);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("Id", id("machine", String.valueOf(g.vmid())));
        m.put("Sid", "S-1-5-21-1004336348-1177238915-682003330-" + (10000 + g.vmid()));
        m.put("Name", settings.domain() + "\\" + name);
        m.put("DnsName", name + "." + settings.domain().toLowerCase(Locale.ROOT) + ".example");
        m.put("LifecycleState", number(0));
        m.put("HostedMachineId", id("vm", name));
        m.put("HostingServerName", g.node());
        m.put("HostedMachineName", name);
        m.put("IsAssigned", false);
        m.put("IsInMaintenanceMode", settings.maintenance().contains(name));
        m.put("AgentVersion", "2402.0.0.1029");
        m.put("CurrentRegistrationState", number(registered ? 1 : 2));
        m.put("RegistrationStateChangeDate", (hostUp ? node.since() : now).toString());
        m.put("LastDeregisteredCode", lastDeregistration == null ? null : number(lastDeregistration));
        m.put("CurrentPowerState", number(power));
        m.put("CurrentSessionCount", number(registered ? g.vmid() % 4 : 0));
        m.put("ControllerDnsName", registered ? "cc01." + settings.domain().toLowerCase(Locale.ROOT) + ".example" : null);
        m.put("FaultState", number(fault));
        m.put("FunctionalLevel", number(7));
        m.put("MachineRole", number(0));
        m.put("DesktopGroupId", group == null ? null : id("group", group));
        m.put("CatalogId", id("catalog", group == null ? "none" : group));
        m.put("DesktopGroup", group == null ? null : desktopGroup(group));
        return m;
    }

    private Map<String, Object> desktopGroup(String name) {
        Map<String, Object> g = new LinkedHashMap<>();
        g.put("Id", id("group", name));
        g.put("Name", name);
        g.put("IsRemotePC", false);
        g.put("DesktopKind", number(0));
        g.put("SessionSupport", number(1));
        g.put("DeliveryType", number(0));
        return g;
    }

    private Object number(int value) {
        return settings.numbersAsStrings() ? String.valueOf(value) : (Object) value;
    }

    /** A stable GUID for one of the customer's objects. */
    private String id(String kind, String key) {
        return UUID.nameUUIDFromBytes((settings.customerId() + "/" + kind + "/" + key).getBytes(StandardCharsets.UTF_8))
                .toString();
    }
}
