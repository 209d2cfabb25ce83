package org.sitewatch.collectors.libvirt;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import org.libvirt.Connect;
import org.libvirt.LibvirtException;
import org.sitewatch.collectors.spi.CollectorException;
import org.sitewatch.collectors.spi.EndpointConfig;
import org.sitewatch.collectors.spi.ObservationSink;
import org.sitewatch.collectors.spi.Snapshot;
import org.sitewatch.events.EventData;
import org.sitewatch.events.HaHost;
import org.sitewatch.events.Platform;
import org.sitewatch.events.VmState;

/**
 * What the libvirt tests share: the real native libvirt (a missing one fails the test with the
 * command that installs it), libvirt's in-process test driver, endpoints on it, and a sink that
 * records what a collector reports.
 */
final class LibvirtTestDriver {

    static final Duration WAIT = Duration.ofSeconds(10);
    static final String SITE = "kvm-lab";

    private LibvirtTestDriver() {
    }

    /** Starts libvirt's event loop; fails (never skips) when libvirt0 is not installed. */
    static void requireLibvirt() {
        try {
            LibvirtEventLoop.ensureRunning();
        } catch (CollectorException e) {
            throw new AssertionError("These tests run the real libvirt (Debian package libvirt0) with its test "
                    + "driver, and it could not be loaded: " + e.describe() + ". Run 'build/test --install-only' "
                    + "(as root) to install what the suite needs.", e);
        }
    }

    /** A read-write connection of the test's own to the shared in-process {@code test:///default}. */
    static Connect openDefault() throws LibvirtException {
        requireLibvirt();
        return new Connect("test:///default", false);
    }

    /** The absolute {@code test:///} URI of a node XML under {@code src/test/resources/libvirt}. */
    static String nodeUri(String resource) {
        try {
            Path path = Path.of(Objects.requireNonNull(LibvirtTestDriver.class.getResource("/libvirt/" + resource),
                    resource).toURI());
            return "test://" + path.toAbsolutePath();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An endpoint of site {@value #SITE} over the given hosts (name → URI), reconnecting after 100-400 ms. */
    static EndpointConfig.Builder endpoint(String id, Map<String, String> hosts) {
        List<Map<String, String>> list = new ArrayList<>();
        hosts.forEach((name, uri) -> list.add(Map.of("name", name, "uri", uri)));
        return EndpointConfig.builder(id, SITE, Platform.LIBVIRT)
                .setting("hosts", list)
                .setting("reconnect-backoff-min", "100ms")
                .setting("reconnect-backoff-max", "400ms")
                .pollInterval(Duration.ofMillis(200));
    }

    /** A domain definition for the test driver. */
    static String domainXml(String name, String uuid) {
        return "<domain type='test'><name>" + name + "</name><uuid>" + uuid + "</uuid>"
                + "<memory>65536</memory><vcpu>1</vcpu><os><type>hvm</type></os></domain>";
    }

    /** Records everything a source reports, from any thread. */
    static final class RecordingSink implements ObservationSink {
        final List<EventData> observed = new CopyOnWriteArrayList<>();
        final List<Snapshot> snapshots = new CopyOnWriteArrayList<>();
        final List<CollectorException> failures = new CopyOnWriteArrayList<>();

        @Override
        public void observe(java.time.Instant time, EventData data) {
            observed.add(data);
        }

        @Override
        public void snapshot(Snapshot snapshot) {
            snapshots.add(snapshot);
        }

        @Override
        public void failed(CollectorException cause) {
            failures.add(cause);
        }

        List<VmState> vms(String vmId) {
            return observed.stream().filter(d -> d instanceof VmState v && v.vmId().equals(vmId)).map(VmState.class::cast)
                    .toList();
        }

        List<HaHost> hosts(String name) {
            return observed.stream().filter(d -> d instanceof HaHost h && h.hostId().equals(name)).map(HaHost.class::cast)
                    .toList();
        }

        Snapshot lastSnapshot() {
            return snapshots.isEmpty() ? null : snapshots.get(snapshots.size() - 1);
        }
    }

    /** The VM states of a snapshot by name. */
    static Map<String, VmState> vmsByName(Snapshot snapshot) {
        Map<String, VmState> out = new java.util.TreeMap<>();
        snapshot.states().stream().filter(VmState.class::isInstance).map(VmState.class::cast)
                .forEach(v -> out.put(v.name(), v));
        return out;
    }
}
