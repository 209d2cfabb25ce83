package org.sitewatch.collectors.libvirt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;
import static org.sitewatch.collectors.libvirt.LibvirtTestDriver.WAIT;

import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sitewatch.collectors.libvirt.LibvirtTestDriver.RecordingSink;
import org.sitewatch.collectors.spi.EndpointConfig;
import org.sitewatch.collectors.spi.Snapshot;
import org.sitewatch.events.HaHost;
import org.sitewatch.events.HaHostState;
import org.sitewatch.events.PowerState;
import org.sitewatch.events.VmState;

/** The first snapshot of a host seeded with the project's own node XML, read through the real libvirt. */
class LibvirtNodeXmlTest {

    @BeforeAll
    static void libvirt() {
        LibvirtTestDriver.requireLibvirt();
    }

    @Test
    void shouldListEveryRunningAndInactiveDomainWithItsState() throws Exception {
        EndpointConfig endpoint = LibvirtTestDriver.endpoint("lab", Map.of("kvm1", LibvirtTestDriver.nodeUri("node-kvm1.xml")))
                .build();
        LibvirtCollector collector = new LibvirtCollector(endpoint, endpoint.settings(LibvirtSettings.class), Clock.systemUTC());
        RecordingSink sink = new RecordingSink();
        collector.start(sink);
        try {
            await().atMost(WAIT).until(() -> !sink.snapshots.isEmpty());
            Snapshot first = sink.snapshots.get(0);

            assertThat(LibvirtTestDriver.vmsByName(first).values())
                    .extracting(VmState::name, VmState::power, VmState::vendorState, VmState::host, VmState::vmId)
                    .containsExactly(
                            tuple("batch-01", PowerState.PAUSED, "paused", "kvm1", "6f1c1a2e-0b57-4d0e-9a61-1c0f0a000003"),
                            tuple("crashy-01", PowerState.CRASHED, "crashed", "kvm1", "6f1c1a2e-0b57-4d0e-9a61-1c0f0a000005"),
                            tuple("db-01", PowerState.RUNNING, "running", "kvm1", "6f1c1a2e-0b57-4d0e-9a61-1c0f0a000002"),
                            tuple("old-01", PowerState.STOPPED, "shutoff", "kvm1", "6f1c1a2e-0b57-4d0e-9a61-1c0f0a000004"),
                            tuple("sleepy-01", PowerState.SUSPENDED, "pmsuspended", "kvm1", "6f1c1a2e-0b57-4d0e-9a61-1c0f0a000006"),
                            tuple("web-01", PowerState.RUNNING, "running", "kvm1", "6f1c1a2e-0b57-4d0e-9a61-1c0f0a000001"));
            assertThat(LibvirtTestDriver.vmsByName(first).values()).allSatisfy(vm -> {
                assertThat(vm.site()).isEqualTo(LibvirtTestDriver.SITE);
                assertThat(vm.removed()).isFalse();
            });
            assertThat(first.states()).filteredOn(HaHost.class::isInstance).map(HaHost.class::cast)
                    .singleElement().satisfies(h -> {
                        assertThat(h.hostId()).isEqualTo("kvm1");
                        assertThat(h.state()).isEqualTo(HaHostState.HEALTHY);
                    });
            assertThat(first.unreadable()).isEmpty();
            assertThat(first.skipped()).isEmpty();
            assertThat(sink.failures).isEmpty();
        } finally {
            collector.stop();
        }
    }
}
