package org.sitewatch.bench.collector;

import java.time.Duration;
import java.time.Instant;
import org.sitewatch.simulator.Scenario;

/**
 * A simulator scenario of one large Recovery Services vault in westeurope: {@code items} VMs on 16 on-premises
 * Hyper-V hosts, each protected to Azure by ASR (HyperVReplicaAzure), so the vault holds {@code items} replication
 * protected items. Replication runs every {@link #REPLICATION_EVERY}, far longer than all change rounds together, so
 * no sync runs between the measured polls (the clock only moves between change rounds). Its timeline test-fails over
 * one item in a hundred every {@link #CHANGE_EVERY} of simulated time: each round gives those items a new
 * {@code lastSuccessfulTestFailoverTime}.
 */
final class LargeAzureVault {

    static final String VAULT = "bench-rsv";
    static final String SITE = "bench-azure-weu";
    static final String REGION = "westeurope";
    static final String HOSTS_SITE = "bench-hv-dc1";
    static final int HOSTS = 16;
    static final int FIRST_VMID = 1000;
    static final Duration CHANGE_EVERY = Duration.ofSeconds(10);
    static final int MAX_CHANGE_ROUNDS = 20;
    private static final Duration REPLICATION_EVERY = Duration.ofHours(1);
    static final Instant START = Instant.parse("2026-12-01T10:01:00Z");

    private final int items;

    LargeAzureVault(int items) {
        if (items < 100) {
            throw new IllegalArgumentException("at least 100 protected items, so that 1 % is one item or more");
        }
        this.items = items;
    }

    int items() {
        return items;
    }

    /** The items each change round test-fails over: one in a hundred. */
    int changedPerRound() {
        return (items + 98) / 100;
    }

    Scenario scenario() {
        return Scenario.parse(yaml());
    }

    /**
     * The scenario as YAML, the simulator's own format (validated when parsed). No {@code page-size}: the front
     * pages protected items as ARM does by default.
     */
    String yaml() {
        StringBuilder y = new StringBuilder(items * 160);
        y.append("name: bench-azure-").append(items).append("-items\n")
                .append("clusters:\n")
                .append("  - name: ").append(VAULT).append('\n')
                .append("    platform: azure\n")
                .append("    site: ").append(SITE).append('\n')
                .append("    cloud: azure\n")
                .append("    region: ").append(REGION).append('\n')
                .append("    nodes:\n");
        for (int h = 1; h <= HOSTS; h++) {
            y.append("      - { name: ").append(host(h)).append(", site: ").append(HOSTS_SITE).append(" }\n");
        }
        y.append("      - { name: ").append(REGION).append(" }\n");
        y.append("    vms:\n");
        for (int i = 0; i < items; i++) {
            y.append("      - { vmid: ").append(FIRST_VMID + i).append(", name: app-").append(i).append(", node: ")
                    .append(host(1 + i % HOSTS)).append(" }\n");
        }
        y.append("    replication:\n");
        for (int i = 0; i < items; i++) {
            y.append("      - { guest: ").append(FIRST_VMID + i).append(", target: ").append(REGION)
                    .append(", syncEverySeconds: ").append(REPLICATION_EVERY.toSeconds()).append(", syncDuration: 5s }\n");
        }
        y.append("timeline:\n");
        for (int round = 1; round <= MAX_CHANGE_ROUNDS; round++) {
            long at = CHANGE_EVERY.multipliedBy(round).toSeconds();
            for (int i = 1; i < items; i += 100) {
                y.append("  - { at: ").append(at).append("s, cluster: ").append(VAULT)
                        .append(", action: test-failover, job: ").append(FIRST_VMID + i).append("-0 }\n");
            }
        }
        return y.toString();
    }

    private static String host(int h) {
        return "hv-bench-" + h;
    }
}
