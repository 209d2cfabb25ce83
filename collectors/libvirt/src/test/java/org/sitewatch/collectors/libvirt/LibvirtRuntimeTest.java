package org.sitewatch.collectors.libvirt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.sitewatch.collectors.libvirt.LibvirtTestDriver.WAIT;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sitewatch.collectors.runtime.CollectorManager;
import org.sitewatch.collectors.runtime.CollectorRegistry;
import org.sitewatch.collectors.runtime.InMemoryEventSink;
import org.sitewatch.collectors.runtime.RetryPolicy;
import org.sitewatch.collectors.spi.EndpointConfig;
import org.sitewatch.events.CollectorErrorKind;
import org.sitewatch.events.CollectorHeartbeat;
import org.sitewatch.events.CollectorStatus;
import org.sitewatch.events.HaHost;
import org.sitewatch.events.HaHostState;
import org.sitewatch.events.Platform;
import org.sitewatch.events.ReplicationHealth;
import org.sitewatch.events.ReplicationState;
import org.sitewatch.events.ReplicationStatus;
import org.sitewatch.events.VmState;

/** The plug-in found by the runtime's ServiceLoader discovery and run by the real push loop. */
class LibvirtRuntimeTest {

    private final InMemoryEventSink sink = new InMemoryEventSink();
    private CollectorManager manager;

    @BeforeAll
    static void libvirt() {
        LibvirtTestDriver.requireLibvirt();
    }

    @AfterEach
    void stop() {
        if (manager != null) {
            manager.stop();
        }
    }

    /**
     * Three endpoints: one host that works (site OK), one working and one unopenable host (a partial
     * read in the heartbeat: the site is DEGRADED with the reason), and no host that opens (a failing
     * heartbeat: the site is UNKNOWN with the reason).
     */
    @Test
    void shouldPublishTheHostsDomainsAPartialReadAndAFailingEndpoint() {
        EndpointConfig lab = LibvirtTestDriver.endpoint("lab", Map.of("kvm1", LibvirtTestDriver.nodeUri("node-kvm1.xml")))
                .build();
        EndpointConfig dark = EndpointConfig.builder("dark", "kvm-dark", Platform.LIBVIRT)
                .setting("hosts", List.of(Map.of("name", "kvm9", "uri", "test:///nonexistent/sitewatch-node.xml")))
                .pollInterval(Duration.ofMillis(200)).build();
        EndpointConfig half = EndpointConfig.builder("half", "kvm-half", Platform.LIBVIRT)
                .setting("hosts", List.of(Map.of("name", "kvm5", "uri", "test:///default"),
                        Map.of("name", "kvm6", "uri", "test:///nonexistent/sitewatch-node.xml")))
                .pollInterval(Duration.ofMillis(200)).build();
        manager = new CollectorManager(List.of(lab, dark, half), CollectorRegistry.discover(), sink, new SimpleMeterRegistry(),
                Clock.systemUTC(), new RetryPolicy(Duration.ofMillis(300), Duration.ofMillis(500)));
        manager.start();

        await().atMost(WAIT).until(() -> sink.data(VmState.class, vm -> vm.site().equals("kvm-lab")).size() == 6);
        assertThat(sink.data(VmState.class, vm -> vm.site().equals("kvm-lab"))).extracting(VmState::name)
                .containsExactlyInAnyOrder("web-01", "db-01", "batch-01", "old-01", "crashy-01", "sleepy-01");
        assertThat(sink.data(HaHost.class, h -> h.hostId().equals("kvm1"))).extracting(HaHost::state)
                .containsExactly(HaHostState.HEALTHY);
        await().atMost(WAIT).until(() -> sink.lastHeartbeat("lab") != null);
        assertThat(sink.lastHeartbeat("lab").status()).isEqualTo(CollectorStatus.OK);

        await().atMost(WAIT).until(() -> sink.heartbeats("half").stream().anyMatch(hb -> !hb.unreadable().isEmpty()));
        CollectorHeartbeat partial = sink.heartbeats("half").stream().filter(hb -> !hb.unreadable().isEmpty())
                .findFirst().orElseThrow();
        assertThat(partial.status()).isEqualTo(CollectorStatus.OK);
        assertThat(partial.unreadable()).singleElement().satisfies(u -> assertThat(u.describe())
                .startsWith("VMs of node kvm6 not readable: cannot connect to test:///nonexistent/sitewatch-node.xml: "));
        assertThat(sink.data(HaHost.class, h -> h.site().equals("kvm-half"))).extracting(HaHost::hostId, HaHost::state)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("kvm5", HaHostState.HEALTHY),
                        org.assertj.core.groups.Tuple.tuple("kvm6", HaHostState.FAILED));

        // Its only host cannot be opened: the heartbeat fails with the reason, so the site is UNKNOWN.
        await().atMost(WAIT).until(() -> sink.heartbeats("dark").stream().anyMatch(hb -> hb.status() == CollectorStatus.ERROR));
        CollectorHeartbeat failing = sink.heartbeats("dark").stream().filter(hb -> hb.status() == CollectorStatus.ERROR)
                .findFirst().orElseThrow();
        assertThat(failing.errorKind()).isEqualTo(CollectorErrorKind.CONNECT);
        // Never a healthy heartbeat between attempts: the first round's failure is thrown from start.
        assertThat(sink.heartbeats("dark")).extracting(CollectorHeartbeat::status).containsOnly(CollectorStatus.ERROR);
        assertThat(failing.error()).startsWith("no libvirt host of endpoint dark is reachable (kvm9: cannot connect to "
                + "test:///nonexistent/sitewatch-node.xml: ");
    }

    /**
     * A DRBD block whose status command (a real script) reports the pair after a split brain: the
     * runtime publishes the FAILED record once; a failing command then shows in the heartbeat as a
     * partial read of replication with its reason, the endpoint still OK and the VMs still published.
     */
    @Test
    void shouldPublishAFailedDrbdPairAndAFailingStatusCommandInTheHeartbeat(@TempDir Path dir) {
        DrbdScript drbd = new DrbdScript(dir).answer(DrbdScript.standalone());
        EndpointConfig lab = LibvirtTestDriver.endpoint("drbd-lab", Map.of("kvm1", LibvirtTestDriver.nodeUri("node-kvm1.xml")))
                .setting("drbd", drbd.block())
                .resyncEvery(1000) // no periodic republishing during the test: what is published is what changed
                .build();
        manager = new CollectorManager(List.of(lab), CollectorRegistry.discover(), sink, new SimpleMeterRegistry(),
                Clock.systemUTC(), new RetryPolicy(Duration.ofMillis(300), Duration.ofMillis(500)));
        manager.start();

        await().atMost(WAIT).until(() -> !sink.data(ReplicationStatus.class).isEmpty());
        assertThat(sink.data(VmState.class, vm -> vm.site().equals(LibvirtTestDriver.SITE))).hasSizeGreaterThanOrEqualTo(6);
        ReplicationStatus failed = sink.data(ReplicationStatus.class).get(0);
        assertThat(failed.itemId()).isEqualTo(DrbdScript.ITEM);
        assertThat(failed.state()).isEqualTo(ReplicationState.FAILED);
        assertThat(failed.health()).isEqualTo(ReplicationHealth.CRITICAL);
        assertThat(failed.site()).isEqualTo(LibvirtTestDriver.SITE);
        assertThat(failed.targetSite()).isEqualTo(DrbdScript.PEER_SITE);

        drbd.failing(true);
        await().atMost(WAIT).until(() -> sink.heartbeats("drbd-lab").stream().anyMatch(hb -> !hb.unreadable().isEmpty()));
        CollectorHeartbeat partial = sink.heartbeats("drbd-lab").stream().filter(hb -> !hb.unreadable().isEmpty())
                .findFirst().orElseThrow();
        assertThat(partial.status()).isEqualTo(CollectorStatus.OK);
        assertThat(partial.unreadable()).singleElement().satisfies(u -> assertThat(u.describe())
                .startsWith("replication of endpoint libvirt.drbd not readable: ")
                .contains("exited with status 10", DrbdScript.FAILURE));
        // Unchanged readings publish nothing again; the failing ones publish no record at all.
        assertThat(sink.data(ReplicationStatus.class)).hasSize(1);
    }
}
