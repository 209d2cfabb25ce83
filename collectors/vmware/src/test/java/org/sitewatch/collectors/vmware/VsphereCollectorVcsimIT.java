package org.sitewatch.collectors.vmware;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sitewatch.collectors.spi.CollectorContext;
import org.sitewatch.collectors.spi.CollectorSource;
import org.sitewatch.collectors.spi.EndpointConfig;
import org.sitewatch.collectors.spi.EventHistory;
import org.sitewatch.collectors.spi.EventPage;
import org.sitewatch.collectors.spi.PollingSource;
import org.sitewatch.collectors.spi.Snapshot;
import org.sitewatch.collectors.vmware.vim25.MoRef;
import org.sitewatch.collectors.vmware.vim25.SoapRequest;
import org.sitewatch.collectors.vmware.vim25.Vim25Client;
import org.sitewatch.events.EventData;
import org.sitewatch.testsupport.VcsimProcess;
import org.sitewatch.events.HaCluster;
import org.sitewatch.events.HaHost;
import org.sitewatch.events.HaHostState;
import org.sitewatch.events.Platform;
import org.sitewatch.events.PowerState;
import org.sitewatch.events.VmState;

/**
 * The vSphere collector, made by its factory from endpoint settings as the runtime makes it, against real govmomi
 * vcsim (default inventory: cluster DC0_C0 with hosts DC0_C0_H0..H2, standalone host DC0_H0, four VMs): the
 * first poll maps the whole inventory, an unchanged vCenter gives the same snapshot, a power-off through the API
 * shows in the next poll, a new session reads the inventory again by itself, and the event history returns a
 * posted HA event once, also to a collector restarted from the cursor.
 */
class VsphereCollectorVcsimIT {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static VcsimProcess vcsim;

    @BeforeAll
    static void startVcsim() {
        vcsim = VcsimProcess.start();
    }

    @AfterAll
    static void stopVcsim() {
        if (vcsim != null) {
            vcsim.close();
        }
    }

    @Test
    void firstPollMapsTheWholeInventoryAndAnUnchangedVcenterGivesTheSameSnapshot() throws Exception {
        try (CollectorSource source = fromFactory()) {
            PollingSource collector = (PollingSource) source;
            Snapshot first = collector.poll();

            assertThat(first.skipped()).isEmpty();
            assertThat(ofType(first, HaHost.class)).extracting(HaHost::hostName)
                    .containsExactlyInAnyOrder("DC0_H0", "DC0_C0_H0", "DC0_C0_H1", "DC0_C0_H2");
            assertThat(ofType(first, HaCluster.class)).extracting(HaCluster::name).containsExactly("DC0_C0");
            assertThat(ofType(first, VmState.class)).hasSize(4).allSatisfy(vm -> {
                assertThat(vm.power()).isEqualTo(PowerState.RUNNING);
                assertThat(vm.site()).isEqualTo("paris-dc1");
            });
            assertThat(ofType(first, HaHost.class)).filteredOn(h -> h.hostName().startsWith("DC0_C0"))
                    .allSatisfy(h -> assertThat(h.cluster()).isEqualTo(ofType(first, HaCluster.class).get(0).clusterId()));

            Snapshot again = collector.poll();
            assertThat(again.states()).containsExactlyInAnyOrderElementsOf(first.states());
        }
    }

    @Test
    void aPowerOffThroughTheApiShowsInTheNextPollAndANewSessionReadsTheInventoryAgain() throws Exception {
        Vim25Client client = client();
        VsphereCollector collector = new VsphereCollector(endpoint(), client, null, Clock.systemUTC());
        try {
            Snapshot before = collector.poll();
            VmState target = ofType(before, VmState.class).stream().filter(v -> v.name().equals("DC0_C0_RP0_VM1"))
                    .findFirst().orElseThrow();

            client.powerOffVm(new MoRef("VirtualMachine", target.vmId()));
            await().atMost(WAIT).pollInterval(Duration.ofMillis(200)).until(() ->
                    vm(collector.poll(), target.vmId()).power() == PowerState.STOPPED);
            Snapshot after = collector.poll();
            assertThat(ofType(after, VmState.class)).filteredOn(v -> !v.vmId().equals(target.vmId()))
                    .containsExactlyInAnyOrderElementsOf(ofType(before, VmState.class).stream()
                            .filter(v -> !v.vmId().equals(target.vmId())).toList());

            long logins = client.logins();
            client.logout();
            Snapshot afterNewSession = collector.poll();
            assertThat(client.logins()).isGreaterThan(logins);
            assertThat(afterNewSession.states()).containsExactlyInAnyOrderElementsOf(after.states());
        } finally {
            client.powerOnVm(new MoRef("VirtualMachine", vmIdOf(client, "DC0_C0_RP0_VM1")));
            collector.close();
        }
    }

    @Test
    void theEventHistoryReturnsAPostedHaEventOnceAlsoAfterARestartFromTheCursor() throws Exception {
        Vim25Client poster = client();
        String cursor;
        String failedHostId;
        try (CollectorSource source = fromFactory()) {
            PollingSource collector = (PollingSource) source;
            Snapshot inventory = collector.poll();
            HaHost failed = ofType(inventory, HaHost.class).stream().filter(h -> h.hostName().equals("DC0_C0_H1"))
                    .findFirst().orElseThrow();
            failedHostId = failed.hostId();
            EventHistory history = collector.eventHistory().orElseThrow();
            EventPage start = history.readAfter(null);
            assertThat(start.events()).isEmpty();

            postHostFailed(poster, failed.hostId(), failed.hostName());
            EventPage page = history.readAfter(start.nextCursor());
            assertThat(page.events()).extracting(EventPage.HistoryEvent::data)
                    .anySatisfy(data -> assertThat(data).isInstanceOfSatisfying(HaHost.class, host -> {
                        assertThat(host.hostId()).isEqualTo(failedHostId);
                        assertThat(host.state()).isEqualTo(HaHostState.FAILED);
                    }));
            cursor = page.nextCursor();
            assertThat(history.readAfter(cursor).events()).as("nothing new after the cursor").isEmpty();
            assertThat(history.readAfter(start.nextCursor()).events()).as("the same cursor gives the same events")
                    .hasSameSizeAs(page.events());
            postHostFailed(poster, failed.hostId(), failed.hostName());
            EventPage later = history.readAfter(cursor);
            assertThat(later.events()).as("an event posted after the last read").extracting(EventPage.HistoryEvent::data)
                    .anySatisfy(data -> assertThat(data).isInstanceOf(HaHost.class));
            cursor = later.nextCursor();
        }

        try (CollectorSource restarted = fromFactory()) {
            PollingSource collector = (PollingSource) restarted;
            collector.poll();
            EventHistory history = collector.eventHistory().orElseThrow();
            assertThat(history.readAfter(cursor).events()).as("no repeat after a restart").isEmpty();
            postHostFailed(poster, failedHostId, "DC0_C0_H1");
            assertThat(history.readAfter(cursor).events()).as("only the event posted since").isNotEmpty()
                    .allSatisfy(e -> assertThat(e.data()).isInstanceOf(HaHost.class));
        } finally {
            poster.logout();
        }
    }

    private static CollectorSource fromFactory() throws Exception {
        return new VsphereCollectorFactory().create(endpoint(), new CollectorContext(Clock.systemUTC()));
    }

    private static EndpointConfig endpoint() {
        return EndpointConfig.builder("paris-vc", "paris-dc1", Platform.VSPHERE)
                .settings(Map.of("url", vcsim.sdkUrl().toString(),
                        "login", Map.of("username", vcsim.username(), "password", vcsim.password())))
                .build();
    }

    private static Vim25Client client() {
        return Vim25Client.builder(vcsim.sdkUrl(), VcsimLogins.login(vcsim)).build();
    }

    /** EventManager.PostEvent of an HA host failure, the way vSphere HA reports one (an EventEx about the host). */
    private static void postHostFailed(Vim25Client client, String hostId, String hostName) throws Exception {
        client.invoke(SoapRequest.call("PostEvent", client.serviceContent().eventManager())
                .start("eventToPost", "EventEx")
                .text("key", 0).text("chainId", 0).text("createdTime", Instant.now()).text("userName", "")
                .text("fullFormattedMessage", "vSphere HA detected a possible host failure of host " + hostName)
                .text("eventTypeId", "com.vmware.vc.HA.DasHostFailedEvent")
                .text("severity", "error")
                .text("objectId", hostId)
                .text("objectType", "HostSystem")
                .text("objectName", hostName)
                .end());
    }

    private static String vmIdOf(Vim25Client client, String name) throws Exception {
        VsphereCollector collector = new VsphereCollector(endpoint(), client, null, Clock.systemUTC());
        return ofType(collector.poll(), VmState.class).stream().filter(v -> v.name().equals(name)).findFirst()
                .map(VmState::vmId).orElseThrow();
    }

    private static VmState vm(Snapshot snapshot, String vmId) {
        return ofType(snapshot, VmState.class).stream().filter(v -> v.vmId().equals(vmId)).findFirst().orElseThrow();
    }

    private static <T extends EventData> List<T> ofType(Snapshot snapshot, Class<T> type) {
        return snapshot.states().stream().filter(type::isInstance).map(type::cast).toList();
    }
}
