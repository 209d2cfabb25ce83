package org.sitewatch.bench.collector;

import java.time.Duration;
import java.time.Instant;
import org.sitewatch.simulator.Scenario;

/**
 * A simulator scenario of one large Hyper-V failover cluster: {@code vms} VMs on 16 nodes (every fourth a clustered
 * role, every twentieth off), every fifth replicated with Hyper-V Replica to a replica server standing in another
 * site. Replication runs every {@link #REPLICATION_EVERY}, far longer than all change rounds together, so no sync
 * runs between the measured polls (the clock only moves between change rounds). Its timeline stops,
 * starts, stops... one VM in a hundred (never a clustered one) every {@link #CHANGE_EVERY} of simulated time.
 */
final class LargeHypervCluster {

    static final String CLUSTER = "bench-hv";
    static final String SITE = "bench-hv-dc1";
    static final String REPLICA_SITE = "bench-hv-dr";
    static final int NODES = 16;
    static final int FIRST_VMID = 1000;
    static final Duration CHANGE_EVERY = Duration.ofSeconds(10);
    static final int MAX_CHANGE_ROUNDS = 20;
    private static final Duration REPLICATION_EVERY = Duration.ofHours(1);
    static final Instant START = Instant.parse("2026-12-01T10:01:00Z");

    private final int vms;

    LargeHypervCluster(int vms) {
        if (vms < 100) {
            throw new IllegalArgumentException("at least 100 VMs, so that 1 % is one VM or more");
        }
        this.vms = vms;
    }

    int vms() {
        return vms;
    }

    int replicatedVms() {
        return (vms + 4) / 5;
    }

    /** The VMs each change round stops or starts: one in a hundred, never a clustered one. */
    int changedPerRound() {
        return (vms + 98) / 100;
    }

    Scenario scenario() {
        return Scenario.parse(yaml());
    }

    /** The scenario as YAML, the simulator's own format (validated when parsed). */
    String yaml() {
        StringBuilder y = new StringBuilder(vms * 120);
        y.append("name: bench-hyperv-").append(vms).append("-vms\n")
                .append("clusters:\n")
                .append("  - name: ").append(CLUSTER).append('\n')
                .append("    site: ").append(SITE).append('\n')
                .append("    cluster: HVC-BENCH\n")
                .append("    platform: hyperv\n")
                .append("    nodes:\n");
        for (int n = 1; n <= NODES; n++) {
            y.append("      - { name: ").append(node(n)).append(" }\n");
        }
        y.append("      - { name: hv-bench-replica, site: ").append(REPLICA_SITE).append(" }\n");
        y.append("    vms:\n");
        for (int i = 0; i < vms; i++) {
            y.append("      - { vmid: ").append(FIRST_VMID + i).append(", name: app-").append(i).append(", node: ")
                    .append(node(1 + i % NODES));
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
            y.append("      - { guest: ").append(FIRST_VMID + i).append(", target: hv-bench-replica, syncEverySeconds: ")
                    .append(REPLICATION_EVERY.toSeconds()).append(", syncDuration: 5s }\n");
        }
        y.append("timeline:\n");
        for (int round = 1; round <= MAX_CHANGE_ROUNDS; round++) {
            String action = round % 2 == 1 ? "vm-stop" : "vm-start";
            long at = CHANGE_EVERY.multipliedBy(round).toSeconds();
            for (int i = 1; i < vms; i += 100) {
                y.append("  - { at: ").append(at).append("s, cluster: ").append(CLUSTER).append(", action: ")
                        .append(action).append(", vmid: ").append(FIRST_VMID + i).append(" }\n");
            }
        }
        return y.toString();
    }

    private static String node(int n) {
        return "hv-bench-" + n;
    }
}
