package org.sitewatch.collectors.libvirt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;
import static org.sitewatch.collectors.libvirt.LibvirtTestDriver.WAIT;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.libvirt.Connect;
import org.libvirt.Domain;
import org.sitewatch.collectors.libvirt.LibvirtTestDriver.RecordingSink;
import org.sitewatch.collectors.spi.EndpointConfig;
import org.sitewatch.collectors.spi.PartialRead;
import org.sitewatch.collectors.spi.Scope;
import org.sitewatch.collectors.spi.Snapshot;
import org.sitewatch.events.CollectorErrorKind;
import org.sitewatch.events.EventType;
import org.sitewatch.events.HaHost;
import org.sitewatch.events.HaHostState;
import org.sitewatch.events.PowerState;
import org.sitewatch.events.VmState;

/**
 * The collector on libvirt's shared in-process {@code test:///default} driver: the test acts on its
 * own read-write connection, the collector's connection sees libvirt's events.
 */
class LibvirtEventsTest {

    private static Connect actor;
    private final RecordingSink sink = new RecordingSink();
    private LibvirtCollector collector;

    @BeforeAll
    static void openTheTestDriver() throws Exception {
        actor = LibvirtTestDriver.openDefault();
    }

    @AfterAll
    static void closeTheTestDriver() throws Exception {
        actor.close();
    }

    @AfterEach
    void stopTheCollector() {
        if (collector != null) {
            collector.stop();
        }
    }

    private void start(EndpointConfig endpoint) throws Exception {
        collector = new LibvirtCollector(endpoint, endpoint.settings(LibvirtSettings.class), Clock.systemUTC());
        collector.start(sink);
        await().atMost(WAIT).until(() -> !sink.snapshots.isEmpty());
    }

    @Test
    void shouldReportEachLifecycleChangeAsAVmState() throws Exception {
        start(LibvirtTestDriver.endpoint("lab", Map.of("kvm1", "test:///default")).build());
        String uuid = UUID.randomUUID().toString();

        Domain domain = actor.domainDefineXML(LibvirtTestDriver.domainXml("life-" + uuid.substring(0, 8), uuid));
        await().atMost(WAIT).until(() -> sink.vms(uuid).size() == 1);
        domain.create();
        await().atMost(WAIT).until(() -> sink.vms(uuid).size() == 2);
        domain.suspend();
        await().atMost(WAIT).until(() -> sink.vms(uuid).size() == 3);
        domain.resume();
        await().atMost(WAIT).until(() -> sink.vms(uuid).size() == 4);
        domain.destroy();
        await().atMost(WAIT).until(() -> sink.vms(uuid).size() == 5);
        domain.undefine();
        await().atMost(WAIT).until(() -> sink.vms(uuid).size() == 6);

        assertThat(sink.vms(uuid)).extracting(VmState::power, VmState::vendorState, VmState::removed).containsExactly(
                tuple(PowerState.STOPPED, "shutoff", false),      // defined/added: libvirt is asked for the state
                tuple(PowerState.RUNNING, "started/booted", false),
                tuple(PowerState.PAUSED, "suspended/paused", false),
                tuple(PowerState.RUNNING, "resumed/unpaused", false),
                tuple(PowerState.STOPPED, "stopped/destroyed", false),
                tuple(PowerState.STOPPED, "stopped/destroyed", true));
        assertThat(sink.vms(uuid)).allSatisfy(vm -> assertThat(vm.host()).isEqualTo("kvm1"));
        assertThat(sink.failures).isEmpty();
    }

    @Test
    void shouldSurviveAClosedConnectionReconnectAndListAgain() throws Exception {
        String uuid = UUID.randomUUID().toString();
        Domain domain = actor.domainDefineXML(LibvirtTestDriver.domainXml("loss-" + uuid.substring(0, 8), uuid));
        domain.create();
        // A back-off long enough to change the domain while the collector is not connected.
        start(LibvirtTestDriver.endpoint("lab", Map.of("kvm1", "test:///default"))
                .setting("reconnect-backoff-min", "1s").setting("reconnect-backoff-max", "1s").build());
        assertThat(LibvirtTestDriver.vmsByName(sink.snapshots.get(0)).get("loss-" + uuid.substring(0, 8)).power())
                .isEqualTo(PowerState.RUNNING);

        collector.dropConnection("kvm1");

        await().atMost(WAIT).until(() -> sink.hosts("kvm1").stream().anyMatch(h -> h.state() == HaHostState.FAILED));
        HaHost down = sink.hosts("kvm1").stream().filter(h -> h.state() == HaHostState.FAILED).findFirst().orElseThrow();
        assertThat(down.detail()).isEqualTo("connection closed: eof");
        assertThat(down.vendorState()).isEqualTo("unreachable");
        // The only host: the subscription fails (site UNKNOWN), and keeps trying to reconnect.
        await().atMost(WAIT).until(() -> !sink.failures.isEmpty());
        assertThat(sink.failures.get(0).kind()).isEqualTo(CollectorErrorKind.CONNECT);
        assertThat(sink.failures.get(0).permanent()).isFalse();
        assertThat(sink.failures.get(0).getMessage())
                .isEqualTo("no libvirt host of endpoint lab is reachable (kvm1: connection closed: eof)");

        int snapshotsBefore = sink.snapshots.size();
        domain.destroy(); // no connection of the collector sees this event
        await().atMost(WAIT).until(() -> sink.hosts("kvm1").get(sink.hosts("kvm1").size() - 1).state() == HaHostState.HEALTHY
                && sink.snapshots.size() > snapshotsBefore);

        Snapshot relisted = sink.lastSnapshot();
        assertThat(LibvirtTestDriver.vmsByName(relisted).get("loss-" + uuid.substring(0, 8)))
                .extracting(VmState::power, VmState::vendorState).containsExactly(PowerState.STOPPED, "shutoff");
        assertThat(relisted.unreadable()).isEmpty();
        assertThat(sink.vms(uuid)).isEmpty(); // the change came from the listing, not from an event
        domain.undefine();
    }

    @Test
    void shouldReportAHostThatCannotBeOpenedAsAPartialReadWhileAnotherWorks() throws Exception {
        Map<String, String> hosts = new LinkedHashMap<>();
        hosts.put("kvm1", "test:///default");
        hosts.put("kvm2", "test:///nonexistent/sitewatch-node.xml");
        start(LibvirtTestDriver.endpoint("lab", hosts).build());

        Snapshot first = sink.snapshots.get(0);
        assertThat(first.unreadable()).singleElement().satisfies(read -> {
            assertThat(read.type()).isEqualTo(EventType.VM_STATE);
            assertThat(read.scope()).isEqualTo(Scope.node("kvm2"));
            assertThat(read.reason()).startsWith("cannot connect to test:///nonexistent/sitewatch-node.xml: ");
        });
        assertThat(first.states()).filteredOn(HaHost.class::isInstance).map(HaHost.class::cast)
                .extracting(HaHost::hostId, HaHost::state)
                .containsExactly(tuple("kvm1", HaHostState.HEALTHY), tuple("kvm2", HaHostState.FAILED));
        assertThat(LibvirtTestDriver.vmsByName(first)).containsKey("test"); // the default driver's own domain
        assertThat(LibvirtTestDriver.vmsByName(first).values()).allSatisfy(vm -> assertThat(vm.host()).isEqualTo("kvm1"));
        String reason = first.unreadable().stream().map(PartialRead::reason).findFirst().orElseThrow();
        assertThat(sink.hosts("kvm2").get(0).detail()).isEqualTo(reason);
        assertThat(sink.failures).isEmpty();

        // It keeps trying with back-off (100 ms, 200 ms, 400 ms, ...).
        await().atMost(Duration.ofSeconds(5)).until(() -> sink.hosts("kvm2").size() >= 3);
        assertThat(sink.hosts("kvm1")).extracting(HaHost::state).containsOnly(HaHostState.HEALTHY);
    }

    @Test
    void shouldDeliverAFreshSnapshotOnResync() throws Exception {
        start(LibvirtTestDriver.endpoint("lab", Map.of("kvm1", "test:///default")).build());
        int before = sink.snapshots.size();

        assertThat(collector.resync()).isTrue();

        await().atMost(WAIT).until(() -> sink.snapshots.size() == before + 1);
        assertThat(LibvirtTestDriver.vmsByName(sink.lastSnapshot())).containsKey("test");
    }
}
