package org.sitewatch.simulator.proxmox;

import java.time.Duration;
import java.time.Instant;
import org.sitewatch.simulator.ManualClock;
import org.sitewatch.simulator.Scenario;

/** Small scenarios and a manual-clock simulator factory shared by the tests. */
final class TestSites {

    /** 2025-01-07T10:00:00Z: a multiple of every interval the tests use, so boundaries are round. */
    static final Instant T0 = Instant.parse("2025-01-07T10:00:00Z");
    static final long E = T0.getEpochSecond();

    static final String SITES = """
            sites:
              - name: alpha
                cluster: alpha-cluster
                token: "monitor@pve!collector=secret-a"
                ha: { fenceDelay: 10s, recoveryDelay: 5s, crmRound: 2s }
                nodes:
                  - { name: n1, ip: 10.0.0.1 }
                  - { name: n2, ip: 10.0.0.2 }
                  - { name: n3, ip: 10.0.0.3 }
                vms:
                  - { vmid: 100, name: app, node: n1, ha: true, maxcpu: 4, maxmem: 8G }
                  - { vmid: 101, name: db, node: n1, ha: true }
                  - { vmid: 102, name: ct, node: n2, type: lxc }
                  - { vmid: 103, name: off, node: n3, status: stopped }
                  - { vmid: 9000, name: tpl, node: n2, status: stopped, template: true }
                replication:
                  - { guest: 100, target: n2, schedule: "*/1", syncEverySeconds: 10, syncDuration: 2s, retryUnitSeconds: 1 }
                  - { guest: 101, target: n3 }
              - name: beta
                token: "monitor@pve!collector=secret-b"
                booleans: json
                nodes: [ { name: b1 }, { name: b2 } ]
                vms: [ { vmid: 200, node: b1, ha: true } ]
            """;

    private TestSites() {
    }

    /** The two test sites plus the given YAML (e.g. a {@code timeline:} block). */
    static Scenario scenario(String extraYaml) {
        return Scenario.parse(SITES + extraYaml);
    }

    /** A started simulator on a manual clock at {@link #T0}, without background ticking. */
    static ProxmoxSimulator start(Scenario scenario, ManualClock clock) {
        return ProxmoxSimulator.builder(scenario).clock(clock).tickInterval(null)
                .faultHold(Duration.ofSeconds(10)).build().start();
    }
}
