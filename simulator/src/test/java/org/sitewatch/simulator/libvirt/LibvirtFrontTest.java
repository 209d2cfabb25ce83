package org.sitewatch.simulator.libvirt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.libvirt.Connect;
import org.libvirt.Domain;
import org.libvirt.DomainInfo.DomainState;
import org.libvirt.LibvirtException;
import org.sitewatch.collectors.spi.Snapshot;
import org.sitewatch.collectors.spi.settings.PropertyTree;
import org.sitewatch.collectors.spi.settings.SettingsBinder;
import org.sitewatch.collectors.storage.DrbdReplication;
import org.sitewatch.collectors.storage.DrbdSettings;
import org.sitewatch.collectors.storage.ReportingEndpoint;
import org.sitewatch.events.Platform;
import org.sitewatch.events.ReplicationHealth;
import org.sitewatch.events.ReplicationState;
import org.sitewatch.events.ReplicationStatus;
import org.sitewatch.simulator.ManualClock;
import org.sitewatch.simulator.Scenario;
import org.sitewatch.simulator.SimulatedEndpoint;
import org.sitewatch.simulator.Simulator;

/**
 * A libvirt cluster played through a timeline, checked from outside as a collector sees it: the
 * domains with a connection of the test's own to libvirt's real {@code test:///default} driver
 * (native libvirt0), and the DRBD status through the endpoint's own {@code drbd} settings, read with
 * collectors/storage-replication's {@link DrbdReplication} (it runs the {@code cat} command and parses
 * the document as {@code drbdsetup status --json}).
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class LibvirtFrontTest {

    static final String SCENARIO = """
            name: libvirt-front-test
            clusters:
              - name: oslo-kvm
                platform: libvirt
                site: oslo
                nodes:
                  - { name: kvm-a1 }
                  - { name: kvm-b1, site: bergen }
                vms:
                  - { vmid: 101, name: web, node: kvm-a1, maxcpu: 2, maxmem: 2G, maxdisk: 10G }
                  - { vmid: 102, name: "db&co", node: kvm-a1 }
                  - { vmid: 103, name: old, node: kvm-a1, status: stopped }
                replication:
                  - { guest: 101, target: kvm-b1, syncEverySeconds: 30, syncDuration: 10s, retryUnitSeconds: 6 }
            timeline:
              - { at: 5s, cluster: oslo-kvm, action: vm-stop, vmid: 102 }
              - { at: 5s, cluster: oslo-kvm, action: vm-start, vmid: 103 }
              - { at: 8s, cluster: oslo-kvm, action: vm-remove, vmid: 103 }
              - { at: 8s, cluster: oslo-kvm, action: vm-add, vmid: 104, name: fresh, node: kvm-a1 }
              - { at: 15s, cluster: oslo-kvm, action: replication-fail, job: 101-0, error: "link down" }
              - { at: 45s, cluster: oslo-kvm, action: replication-recover, job: 101-0 }
              - { at: 80s, cluster: oslo-kvm, action: node-offline, node: kvm-b1 }
              - { at: 110s, cluster: oslo-kvm, action: node-online, node: kvm-b1 }
              - { at: 140s, cluster: oslo-kvm, action: node-offline, node: kvm-a1 }
            """;
    static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");
    private static final String DRBD_KEY = "sitewatch.collectors.endpoints[oslo-kvm].libvirt.drbd";

    private static Connect libvirt;
    private final ManualClock clock = new ManualClock(T0);
    private Simulator simulator;

    @BeforeAll
    static void openTheTestDriver() throws LibvirtException {
        // Fails with "install it with 'apt-get install libvirt0'" when the native library is missing.
        LibvirtLibrary.ensureLoaded();
        libvirt = new Connect("test:///default");
    }

    @AfterAll
    static void closeTheTestDriver() throws LibvirtException {
        if (libvirt != null) {
            libvirt.close();
        }
    }

    @AfterEach
    void stop() {
        if (simulator != null) {
            simulator.close();
        }
    }

    private void startAt(String scenario) {
        simulator = Simulator.builder(Scenario.parse(scenario)).clock(clock).tickInterval(null).build().start();
    }

    private void at(int seconds) {
        clock.set(T0.plusSeconds(seconds));
        simulator.tick();
    }

    /** Every domain on the driver by name, with its state. */
    private static Map<String, DomainState> domains() throws LibvirtException {
        Map<String, DomainState> out = new TreeMap<>();
        for (int id : libvirt.listDomains()) {
            Domain d = libvirt.domainLookupByID(id);
            out.put(d.getName(), d.getInfo().state);
        }
        for (String name : libvirt.listDefinedDomains()) {
            out.put(name, libvirt.domainLookupByName(name).getInfo().state);
        }
        return out;
    }

    @Test
    void shouldMirrorTheGuestsOntoTheTestDriverAsTheTimelineMovesThem() throws Exception {
        startAt(SCENARIO);

        // The driver's own "test" domain is gone at the first sync; the scenario's guests are there.
        assertThat(domains()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "web", DomainState.VIR_DOMAIN_RUNNING,
                "db&co", DomainState.VIR_DOMAIN_RUNNING,
                "old", DomainState.VIR_DOMAIN_SHUTOFF));
        Domain web = libvirt.domainLookupByName("web");
        assertThat(web.getUUIDString()).isEqualTo(MirroredDomain.uuidOf("oslo-kvm", 101).toString());
        assertThat(web.getInfo().nrVirtCpu).isEqualTo(2);
        assertThat(web.getInfo().maxMem).isEqualTo(2L * 1024 * 1024);

        at(5);
        assertThat(domains()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "web", DomainState.VIR_DOMAIN_RUNNING,
                "db&co", DomainState.VIR_DOMAIN_SHUTOFF,
                "old", DomainState.VIR_DOMAIN_RUNNING));

        // Paused behind the simulator's back: the next sync resumes it, as the scenario has it running.
        web.suspend();
        at(8);
        assertThat(domains()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "web", DomainState.VIR_DOMAIN_RUNNING,
                "db&co", DomainState.VIR_DOMAIN_SHUTOFF,
                "fresh", DomainState.VIR_DOMAIN_RUNNING));

        // The host node down: its domains stay defined, and nothing runs.
        at(141);
        assertThat(domains()).containsOnlyKeys("web", "db&co", "fresh")
                .allSatisfy((name, state) -> assertThat(state).isEqualTo(DomainState.VIR_DOMAIN_SHUTOFF));
    }

    @Test
    void shouldWriteTheDrbdStatusOfTheReplicationLinkForTheCollectorsCommand() throws Exception {
        startAt(SCENARIO);
        SimulatedEndpoint endpoint = simulator.endpoints().get(0);
        assertThat(endpoint.settings()).containsEntry("hosts[0].name", "kvm-a1")
                .containsEntry("hosts[0].uri", "test:///default")
                .containsEntry("drbd.node-name", "kvm-a1")
                .containsEntry("drbd.peers[kvm-b1]", "bergen");
        String command = endpoint.settings().get("drbd.command.command");
        assertThat(command).as("one string: cat and the quoted file").startsWith("cat '").endsWith("/kvm-a1.json'");
        Path primaryFile = Path.of(command.substring("cat '".length(), command.length() - 1));
        Path secondaryFile = primaryFile.resolveSibling("kvm-b1.json");

        @SuppressWarnings("unchecked")
        Map<String, Object> drbdBlock = (Map<String, Object>) PropertyTree.of(endpoint.settings()).get("drbd");
        DrbdSettings settings = new SettingsBinder().bind(DRBD_KEY, drbdBlock, DrbdSettings.class);
        try (DrbdReplication drbd = DrbdReplication.create(settings, DRBD_KEY,
                new ReportingEndpoint("oslo", Platform.LIBVIRT, Duration.ofMinutes(5)))) {
            ReplicationStatus healthy = read(drbd, 0);
            assertThat(healthy.itemId()).isEqualTo("drbd:vm-101:kvm-b1");
            assertThat(healthy.targetSite()).isEqualTo("bergen");
            assertThat(healthy.state()).isEqualTo(ReplicationState.REPLICATING);
            assertThat(healthy.vendorState()).contains("role:Primary", "connection:Connected", "peer-role:Secondary",
                    "replication:Established", "peer-disk:UpToDate");
            assertThat(Files.readString(secondaryFile)).contains("\"role\":\"Secondary\"", "\"name\":\"kvm-a1\"",
                    "\"peer-role\":\"Primary\"");

            // replication-fail at 15 s: the attempt of the 30 s slot fails at 40 s; the retry is due at 60 s.
            ReplicationStatus failed = read(drbd, 41);
            assertThat(failed.state()).isEqualTo(ReplicationState.FAILED);
            assertThat(failed.health()).isEqualTo(ReplicationHealth.CRITICAL);
            assertThat(failed.vendorState()).contains("connection:StandAlone");

            // Recovered at 45 s; the retry at 60 s resyncs for 10 s.
            ReplicationStatus syncing = read(drbd, 65);
            assertThat(syncing.state()).isEqualTo(ReplicationState.SYNCING);
            assertThat(syncing.vendorState()).contains("replication:SyncSource", "peer-disk:Inconsistent",
                    "out-of-sync:5242880KiB", "done:50");
            assertThat(Files.readString(secondaryFile)).contains("\"replication-state\":\"SyncTarget\"");

            ReplicationStatus again = read(drbd, 71);
            assertThat(again.state()).isEqualTo(ReplicationState.REPLICATING);
            assertThat(again.vendorState()).contains("replication:Established");

            // The target node down: DRBD keeps connecting; the target answers nothing.
            ReplicationStatus connecting = read(drbd, 81);
            assertThat(connecting.state()).isEqualTo(ReplicationState.FAILED);
            assertThat(connecting.health()).isEqualTo(ReplicationHealth.WARNING);
            assertThat(connecting.vendorState()).contains("connection:Connecting", "peer-role:Unknown");
            assertThat(secondaryFile).doesNotExist();

            // Back at 110 s: DRBD reconnects and waits to resync (the attempt at 90 s failed while it was
            // down); the link's retry at 120 s resyncs it, Established once that is done.
            ReplicationStatus reconnected = read(drbd, 111);
            assertThat(reconnected.state()).isEqualTo(ReplicationState.SYNCING);
            assertThat(reconnected.vendorState()).contains("connection:Connected", "replication:StartingSyncS");
            assertThat(Files.readString(secondaryFile)).contains("\"replication-state\":\"StartingSyncT\"");
            assertThat(read(drbd, 125).vendorState()).contains("replication:SyncSource");
            assertThat(read(drbd, 131).vendorState()).contains("replication:Established");
            assertThat(secondaryFile).exists();
        }
    }

    private ReplicationStatus read(DrbdReplication drbd, int seconds) throws Exception {
        at(seconds);
        Instant now = clock.instant();
        Snapshot.Builder out = Snapshot.builder(now);
        drbd.read(now, out);
        Snapshot snapshot = out.build();
        assertThat(snapshot.states()).hasSize(1);
        return (ReplicationStatus) snapshot.states().get(0);
    }

    @Test
    void shouldRefuseAGuestOutsideTheLibvirtHostAndAnswerHttpWithWhereItIsServed() throws Exception {
        assertThatThrownBy(() -> startAt(SCENARIO.replace("{ vmid: 103, name: old, node: kvm-a1",
                "{ vmid: 103, name: old, node: kvm-b1")))
                .hasMessageContaining("guest 103 is on node kvm-b1, but only the cluster's first node, kvm-a1");

        startAt(SCENARIO);
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(simulator.baseUrl("oslo-kvm") + "/anything")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(404);
        assertThat(answer.body()).contains("test:///default");
        assertThat(Arrays.asList(libvirt.listDefinedDomains())).contains("old");
    }
}
