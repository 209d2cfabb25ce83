package org.sitewatch.bench.collector;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.sitewatch.simulator.Scenario;

/**
 * A simulator scenario of one large estate of a vendor whose front the project's simulator serves (oVirt, Oracle VM,
 * Citrix): {@code vms} guests named {@code app-<i>} spread round-robin over {@code hosts} hosts, every fourth one
 * HA-managed, every twentieth stopped. Its timeline stops, starts, stops... one guest in a hundred (never an HA one,
 * never one stopped from the start) every {@link #CHANGE_EVERY} of simulated time, for {@value #MAX_CHANGE_ROUNDS}
 * rounds; a scenario may add timeline steps of its own after those rounds ({@link #afterChangeRounds()}).
 */
final class LargeSimulatedEstate {

    static final int FIRST_VMID = 1000;
    static final Duration CHANGE_EVERY = Duration.ofSeconds(10);
    static final int MAX_CHANGE_ROUNDS = 20;
    static final Instant START = Instant.parse("2026-12-01T10:01:00Z");

    private final String platform;
    private final String name;
    private final String site;
    private final String hostPrefix;
    private final int vms;
    private final int hosts;
    private final Map<String, String> clusterKeys = new LinkedHashMap<>();
    private final StringBuilder extraSteps = new StringBuilder();

    /**
     * @param platform the scenario's platform ({@code ovirt}, {@code oraclevm}, {@code citrix})
     * @param name the cluster's (and endpoint's) name
     * @param hostPrefix hosts are {@code <hostPrefix>-1} to {@code <hostPrefix>-<hosts>}
     */
    LargeSimulatedEstate(String platform, String name, String site, String hostPrefix, int vms, int hosts) {
        if (vms < 100) {
            throw new IllegalArgumentException("at least 100 VMs, so that 1 % is one VM or more; got " + vms);
        }
        if (hosts < 2) {
            throw new IllegalArgumentException("at least 2 hosts; got " + hosts);
        }
        this.platform = platform;
        this.name = name;
        this.site = site;
        this.hostPrefix = hostPrefix;
        this.vms = vms;
        this.hosts = hosts;
    }

    /** A key of the cluster (a vendor setting, or e.g. {@code ha}), written as given: quote it when YAML needs. */
    LargeSimulatedEstate clusterKey(String key, String yamlValue) {
        clusterKeys.put(key, yamlValue);
        return this;
    }

    /** A further timeline step, one YAML flow mapping such as {@code { at: 300s, cluster: c, action: ... }}. */
    LargeSimulatedEstate step(String flowMapping) {
        extraSteps.append("  - ").append(flowMapping).append('\n');
        return this;
    }

    String name() {
        return name;
    }

    int vms() {
        return vms;
    }

    int hosts() {
        return hosts;
    }

    /** The first simulated second free for steps of a scenario's own, after every change round. */
    Duration afterChangeRounds() {
        return CHANGE_EVERY.multipliedBy(MAX_CHANGE_ROUNDS + 5);
    }

    /** The guests each change round stops or starts: one in a hundred. */
    int changedPerRound() {
        return (vms + 98) / 100;
    }

    static String vmName(int i) {
        return "app-" + i;
    }

    static int vmid(int i) {
        return FIRST_VMID + i;
    }

    static boolean ha(int i) {
        return i % 4 == 0;
    }

    int haVms() {
        return (vms + 3) / 4;
    }

    /** The host guest {@code i} starts on. */
    String hostOf(int i) {
        return host(1 + i % hosts);
    }

    String host(int n) {
        return hostPrefix + "-" + n;
    }

    Scenario scenario() {
        return Scenario.parse(yaml());
    }

    /** The scenario as YAML, the simulator's own format (validated when parsed). */
    String yaml() {
        StringBuilder y = new StringBuilder(vms * 120);
        y.append("name: bench-").append(platform).append('-').append(vms).append("-vms\n")
                .append("clusters:\n")
                .append("  - name: ").append(name).append('\n')
                .append("    platform: ").append(platform).append('\n')
                .append("    site: ").append(site).append('\n');
        clusterKeys.forEach((k, v) -> y.append("    ").append(k).append(": ").append(v).append('\n'));
        y.append("    nodes:\n");
        for (int n = 1; n <= hosts; n++) {
            y.append("      - { name: ").append(host(n)).append(" }\n");
        }
        y.append("    vms:\n");
        for (int i = 0; i < vms; i++) {
            y.append("      - { vmid: ").append(vmid(i)).append(", name: ").append(vmName(i)).append(", node: ")
                    .append(hostOf(i));
            if (ha(i)) {
                y.append(", ha: true");
            }
            if (i % 20 == 19) {
                y.append(", status: stopped");
            }
            y.append(" }\n");
        }
        y.append("timeline:\n");
        for (int round = 1; round <= MAX_CHANGE_ROUNDS; round++) {
            String action = round % 2 == 1 ? "vm-stop" : "vm-start";
            long at = CHANGE_EVERY.multipliedBy(round).toSeconds();
            // i = 1, 101, 201...: never HA (i % 4 == 1), never stopped from the start (i % 20 == 1).
            for (int i = 1; i < vms; i += 100) {
                y.append("  - { at: ").append(at).append("s, cluster: ").append(name).append(", action: ")
                        .append(action).append(", vmid: ").append(vmid(i)).append(" }\n");
            }
        }
        y.append(extraSteps);
        return y.toString();
    }
}
