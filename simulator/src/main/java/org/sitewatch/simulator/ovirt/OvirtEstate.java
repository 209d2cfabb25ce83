package org.sitewatch.simulator.ovirt;

/**
 * The oVirt estate proposed for the embedded default scenario, exactly as it is to be pasted there
 * (its cluster block and its timeline lines). Kept here, beside the front, so that the front's, the
 * collector's and the app's tests all play this very text.
 */
public final class OvirtEstate {

    /** The cluster block, indented as an item of {@code clusters:}. */
    public static final String CLUSTER = """
              # An oVirt / Red Hat Virtualization engine, cluster rhv-rome (site rome-dc7): three hosts in data
              # center dc-rome, six HA VMs, and a DR data center dc-madrid (site madrid-dr) whose storage domains
              # hold the array replicas of two data domains (oVirt active-passive DR): the pair rome-dc7 -> madrid-dr.
              # The engine's JSON writes booleans and numbers as strings, as RHV's documented examples do.
              - name: rhv-rome
                platform: ovirt
                site: rome-dc7
                cluster: rhv-rome
                username: sitewatch@internal
                password: "rhv-rome-simulated"
                data-centers: "rome-dc7=dc-rome, madrid-dr=dc-madrid"
                typing: strings
                ha: { fenceDelay: 20s, recoveryDelay: 10s, crmRound: 3s }
                nodes:
                  - { name: rhv-rom-1, ip: 10.110.0.11 }
                  - { name: rhv-rom-2, ip: 10.110.0.12 }
                  - { name: rhv-rom-3, ip: 10.110.0.13 }
                  - { name: rhv-mad-dr1, ip: 10.50.0.41, site: madrid-dr }   # dc-madrid's standby host
                vms:
                  - { vmid: 900, name: rom-web-1, node: rhv-rom-1, ha: true, maxcpu: 4, maxmem: 8G }
                  - { vmid: 901, name: rom-web-2, node: rhv-rom-2, ha: true, maxcpu: 4, maxmem: 8G }
                  - { vmid: 902, name: rom-db-1, node: rhv-rom-3, ha: true, maxcpu: 8, maxmem: 32G }
                  - { vmid: 903, name: rom-app-1, node: rhv-rom-1, ha: true, maxcpu: 4, maxmem: 16G }
                  - { vmid: 904, name: rom-erp-1, node: rhv-rom-3, ha: true, maxcpu: 8, maxmem: 16G }
                  - { vmid: 905, name: rom-mq-1, node: rhv-rom-2, ha: true, maxcpu: 2, maxmem: 4G }
                replication:
                  - { guest: 902, target: rhv-mad-dr1, syncEverySeconds: 15, syncDuration: 2s, retryUnitSeconds: 1 }
                  - { guest: 904, target: rhv-mad-dr1, syncEverySeconds: 20, syncDuration: 2s, retryUnitSeconds: 1 }
            """;

    /** The timeline lines, indented as items of {@code timeline:}. */
    public static final String TIMELINE = """
              # rome: host rhv-rom-2 goes non responsive at 45 s (HaHostFailed); the engine fences it at about 65 s
              # and restarts its HA VMs rom-web-2 and rom-mq-1 on rhv-rom-1 and rhv-rom-3 (about 75 s: RESTART); the
              # host returns at 135 s and both VMs are migrated back at 190 s and 195 s. The replication of rom-db-1's
              # data domain to madrid fails from 75 s: the array reports it broken at its next sync, about 77 s (the
              # primary domain's external status error: ReplicationFailed), until its first retry after the
              # recover step at 165 s, about 167 s
              - { at: 45s, cluster: rhv-rome, action: node-offline, node: rhv-rom-2 }
              - { at: 135s, cluster: rhv-rome, action: node-online, node: rhv-rom-2 }
              - { at: 190s, cluster: rhv-rome, action: ha-migrate, sid: "vm:901", node: rhv-rom-2 }
              - { at: 195s, cluster: rhv-rome, action: ha-migrate, sid: "vm:905", node: rhv-rom-2 }
              - { at: 75s, cluster: rhv-rome, action: replication-fail, job: 902-0,
                  error: "storage array: remote mirror of LUN rom-db-1 suspended" }
              - { at: 165s, cluster: rhv-rome, action: replication-recover, job: 902-0 }
            """;

    /** A scenario made of exactly the block and the timeline. */
    public static final String SCENARIO = "name: ovirt-estate\nloop: 4m\nclusters:\n" + CLUSTER + "timeline:\n" + TIMELINE;

    private OvirtEstate() {
    }
}
