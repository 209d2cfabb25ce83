package org.sitewatch.bench.collector;

import java.time.Duration;
import java.time.Instant;
import org.sitewatch.simulator.Scenario;

/**
 * A simulator scenario of one large Proxmox VE cluster in one site: {@code vms} guests on 16 nodes
 * (every tenth an LXC container, every fourth HA-managed, every twentieth stopped), a pvesr job for
 * every fifth guest to the next node, on PVE's default schedule ({@code *}{@code /15}). Its timeline
 * changes one guest in a hundred every {@link #CHANGE_EVERY} of simulated time: the same slice is
 * stopped, started, stopped... so with a clock moved by that much between two polls, about 1 % of the
 * VMs changed (and nothing else: the clock {@link #START}s just after a schedule boundary, so no
 * replication runs within {@link #MAX_CHANGE_ROUNDS} rounds).
 */
public final class LargeProxmoxCluster {

    public static final String CLUSTER = "bench-pve";
    public static final String SITE = "bench-dc1";
    public static final int NODES = 16;
    public static final int FIRST_VMID = 1000;
    /** One minute after a 15-minute boundary: the next scheduled sync is 14 minutes away. */
    public static final Instant START = Instant.parse("2026-12-01T10:01:00Z");
    public static final Duration CHANGE_EVERY = Duration.ofSeconds(10);
    public static final int MAX_CHANGE_ROUNDS = 20;

    private final int vms;

    public LargeProxmoxCluster(int vms) {
        if (vms < 100) {
            throw new IllegalArgumentException("at least 100 VMs, so that 1 % is one VM or more");
        }
        this.vms = vms;
    }

    public int vms() {
        return vms;
    }

    public int replicationJobs() {
        return (vms + 4) / 5;
    }

    /** The guests each change round stops or starts: one in a hundred, never an HA-managed one. */
    public int changedPerRound() {
        return (vms + 98) / 100;
    }

    public Scenario scenario() {
        return Scenario.parse(yaml());
    }

    /** The scenario as YAML, the simulator's own format (validated when parsed). */
    public String yaml() {
        StringBuilder y = new StringBuilder(vms * 110);
        y.append("name: bench-").append(vms).append("-vms\n")
                .append("clusters:\n")
                .append("  - name: ").append(CLUSTER).append('\n')
                .append("    site: ").append(SITE).append('\n')
                .append("    cluster: bench\n")
                .append("    platform: proxmox\n")
                .append("    token: \"sitewatch@pve!bench=3f0c7a52-8d1e-4b6f-9a2c-5e7d1b0c4f10\"\n")
                .append("    nodes:\n");
        for (int n = 1; n <= NODES; n++) {
            y.append("      - { name: ").append(node(n)).append(", ip: 10.40.0.").append(10 + n).append(" }\n");
        }
        y.append("    vms:\n");
        for (int i = 0; i < vms; i++) {
            y.append("      - { vmid: ").append(FIRST_VMID + i).append(", name: app-").append(i).append(", node: ")
                    .append(node(nodeOf(i)));
            if (i % 10 == 9) {
                y.append(", type: lxc");
            }
            if (i % 4 == 0) {
                y.append(", ha: true");
            }
            if (i % 20 == 19) {
                y.append(", status: stopped");
            }
            y.append(" }\n");
        }
        y.append("    replication:\n");
        for (int i = 0; i < vms; i += 5) {
            y.append("      - { guest: ").append(FIRST_VMID + i).append(", target: ").append(node(nodeOf(i) % NODES + 1))
                    .append(" }\n");
        }
        y.append("timeline:\n");
        for (int round = 1; round <= MAX_CHANGE_ROUNDS; round++) {
            String action = round % 2 == 1 ? "vm-stop" : "vm-start";
            long at = CHANGE_EVERY.multipliedBy(round).toSeconds();
            for (int i = 1; i < vms; i += 100) {
                y.append("  - { at: ").append(at).append("s, cluster: ").append(CLUSTER).append(", action: ").append(action)
                        .append(", vmid: ").append(FIRST_VMID + i).append(" }\n");
            }
        }
        return y.toString();
    }

    private static int nodeOf(int guestIndex) {
        return 1 + guestIndex % NODES;
    }

    private static String node(int n) {
        return "pve-bench-" + n;
    }
}
