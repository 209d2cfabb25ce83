package org.sitewatch.collectors.libvirt;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.libvirt.Connect;
import org.libvirt.Domain;
import org.libvirt.Error.ErrorNumber;
import org.libvirt.LibvirtException;
import org.libvirt.event.ConnectionCloseListener;
import org.libvirt.event.LifecycleListener;
import org.sitewatch.collectors.spi.CollectorException;
import org.sitewatch.collectors.spi.EndpointConfig;
import org.sitewatch.collectors.spi.ObservationSink;
import org.sitewatch.collectors.spi.Scope;
import org.sitewatch.collectors.spi.Snapshot;
import org.sitewatch.collectors.spi.settings.Redactor;
import org.sitewatch.events.CollectorErrorKind;
import org.sitewatch.events.EventType;
import org.sitewatch.events.HaHost;
import org.sitewatch.events.HaHostState;
import org.sitewatch.events.Platform;
import org.sitewatch.events.PowerState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One subscription of a libvirt endpoint, from {@code start} to {@code stop}: a connection per host,
 * its lifecycle and close listeners, the domain table, and the subscription's own thread.
 *
 * <p>Threads: libvirt calls the listeners on its event-loop thread ({@link LibvirtEventLoop}), which
 * also serves every other connection's keepalive and events. A listener only copies what the event
 * carries (the domain's name and UUID are fields of the handle, no call to the host) and hands the
 * rest to this subscription's thread. Everything that talks to a host (opening a connection, listing
 * domains, reading one) runs there: a call that waits for an answer on the event-loop thread would
 * wait for the very loop that has to deliver the answer, and stall every endpoint meanwhile.
 *
 * <p>What it reports: a full snapshot after every (re)connection, every host going up or down, and
 * every {@code resync}; one VM state per lifecycle event, and an HA restart when a domain that
 * crashed on one host starts on another ({@link RestartTracker}); each host as an HA host, HEALTHY while
 * connected and FAILED with the reason while not. A host that cannot be reached is a partial read
 * ({@code vm.state} of {@code node <host>}): its VMs keep their last state and the site turns
 * DEGRADED with the reason. When no host can be reached the subscription fails (CONNECT, every
 * host's reason), like a poll that cannot reach its endpoint: thrown from {@link #start} for the
 * first round, {@link ObservationSink#failed} when the last connection is lost later. The site turns
 * UNKNOWN with the reasons, and the runtime subscribes again after its back-off.
 *
 * <p>Storage replication (the endpoint's {@code drbd} and {@code ceph} blocks): {@link ReplicationReaders}
 * reads it every poll interval on a thread of its own, once the first round of connections opened a
 * host, and every snapshot carries the last reading (see {@link #onReplicationReading}).
 *
 * <p>Limits: hosts are opened one after the other on the one thread, so a host whose connection
 * hangs (an SSH time-out) delays the events of the others until it gives up.
 */
final class LibvirtSubscription {

    private static final Logger log = LoggerFactory.getLogger(LibvirtSubscription.class);
    private static final Duration STOP_WAIT = Duration.ofSeconds(5);

    private final EndpointConfig endpoint;
    private final LibvirtSettings settings;
    private final Clock clock;
    private final ObservationSink sink;
    private final Map<String, HostLink> links = new LinkedHashMap<>();
    private final DomainTable table;
    private final RestartTracker restarts;
    private final ReplicationReaders replication;
    /** The last replication reading; null until the first one. On the subscription's thread only. */
    private Snapshot replicationReading;
    private final ScheduledExecutorService thread;
    private volatile boolean running = true;

    LibvirtSubscription(EndpointConfig endpoint, LibvirtSettings settings, Clock clock, ObservationSink sink) {
        this.endpoint = endpoint;
        this.settings = settings;
        this.clock = clock;
        this.sink = sink;
        this.table = new DomainTable(endpoint);
        this.restarts = new RestartTracker(endpoint, settings.restartWindow());
        this.replication = new ReplicationReaders(endpoint, settings, clock);
        settings.hosts().forEach(h -> links.put(h.name(), new HostLink(h)));
        this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "libvirt-" + endpoint.id());
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Connects every host on the subscription's thread and waits for that first round at most
     * {@code wait}. When no host could be opened, throws the failure (and reports nothing), so the
     * runtime counts a failed subscription rather than a healthy one that fails a moment later. A
     * round still running after {@code wait} goes on; it reports through the sink.
     */
    void start(Duration wait) throws CollectorException {
        CompletableFuture<CollectorException> firstRound = new CompletableFuture<>();
        boolean queued = execute(() -> {
            links.values().forEach(this::connect);
            CollectorException none = noHostReachable();
            if (!firstRound.complete(none) || none == null) {
                report();
            }
            if (none == null) {
                replication.start(this::onReplicationReading);
            }
        });
        if (!queued) {
            return;
        }
        CollectorException none;
        try {
            none = firstRound.get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            firstRound.complete(null); // too slow to wait for: the round reports by itself
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            firstRound.complete(null);
            return;
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
        if (none != null) {
            throw none;
        }
    }

    /** Lists every connected host again and delivers a snapshot; false when stopped. */
    boolean resync() {
        return execute(() -> {
            for (HostLink link : links.values()) {
                if (link.up()) {
                    relist(link);
                }
            }
            report();
        });
    }

    /** Closes every connection and the thread; no sink call follows its return (bar one stuck in libvirt). */
    void stop() {
        if (!running) {
            return;
        }
        running = false;
        try {
            thread.submit(() -> links.values().forEach(this::disconnect)).get(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException | RejectedExecutionException e) {
            log.warn("collector {}: closing the libvirt connections did not finish cleanly: {}", endpoint.id(), e.toString());
        }
        thread.shutdownNow();
        replication.close();
    }

    /**
     * Closes one host's connection and handles it exactly as libvirt's close callback for a broken
     * network ({@code EOF}): the host goes down, the subscription reconnects with back-off and lists
     * again. For tests: libvirt's test driver runs in-process, with no network to break.
     */
    void dropConnection(String host) {
        execute(() -> {
            HostLink link = links.get(host);
            Connect c = link == null ? null : link.connect;
            if (c != null) {
                lost(link, c, "connection closed: eof");
            }
        });
    }

    /**
     * From the replication thread: keeps the reading and delivers a full snapshot with it, on the
     * subscription's thread. A snapshot per reading rather than changed records by {@code observe}:
     * the runtime takes partial reads (a DRBD command that fails) into the heartbeat only from
     * snapshots, and drops them again only with the next snapshot that has none, so both the failing
     * and the recovering read need one; a snapshot also reports a resource that is gone as removed.
     * It costs no libvirt call (the domain table is in memory), and the runtime publishes only what
     * changed (a lag growing with the clock is not a change).
     */
    private void onReplicationReading(Snapshot reading) {
        execute(() -> {
            replicationReading = reading;
            report();
        });
    }

    // --- on the subscription's thread --------------------------------------------------------------

    private void connect(HostLink link) {
        Connect c = null;
        LifecycleListener listener = null;
        try {
            c = new Connect(link.host.uri(), true);
            keepalive(link, c);
            Connect opened = c;
            // Listeners first, listing second: an event during the listing is applied after it, not lost.
            c.registerCloseListener(closeListener(link, opened));
            listener = lifecycleListener(link, opened);
            c.addLifecycleListener(listener);
            List<DomainRecord> listed = list(link, c);
            link.connect = c;
            link.lifecycle = listener;
            link.failures = 0;
            link.downReason = null;
            table.replaceHost(link.name(), listed);
            log.info("collector {}: connected to libvirt host {} ({}), {} domains", endpoint.id(), link.name(),
                    link.host.displayUri(), listed.size());
            emitHost(link);
        } catch (LibvirtException | RuntimeException e) {
            if (c != null) {
                disconnect(c, listener);
            }
            down(link, "cannot connect to " + link.host.displayUri() + ": " + message(e));
        }
    }

    private void keepalive(HostLink link, Connect c) {
        if (link.host.inProcessDriver()) {
            return;
        }
        try {
            c.setKeepAlive((int) settings.keepaliveInterval().toSeconds(), settings.keepaliveCount());
        } catch (LibvirtException e) {
            // A driver without keepalive: nothing to probe.
            log.debug("collector {}: no keepalive on {}: {}", endpoint.id(), link.name(), message(e));
        }
    }

    private ConnectionCloseListener closeListener(HostLink link, Connect c) {
        // On the event-loop thread: only hand over.
        return (conn, reason) -> execute(() -> lost(link, c,
                "connection closed: " + String.valueOf(reason).toLowerCase(java.util.Locale.ROOT)));
    }

    private LifecycleListener lifecycleListener(HostLink link, Connect c) {
        // On the event-loop thread: read what the handle holds, hand the rest over.
        return (domain, event) -> {
            try {
                String uuid = domain.getUUIDString();
                String name = domain.getName();
                int type = LibvirtRaw.eventType(event);
                int detail = LibvirtRaw.eventDetail(event);
                execute(() -> onLifecycle(link, c, domain, uuid, name, type, detail));
            } catch (LibvirtException | RuntimeException e) {
                log.warn("collector {}: a lifecycle event of host {} could not be read ({}); resynchronising",
                        endpoint.id(), link.name(), message(e));
                resync();
            }
            return 0;
        };
    }

    private void onLifecycle(HostLink link, Connect c, Domain domain, String uuid, String name, int type, int detail) {
        if (link.connect != c) {
            return; // an event of a connection already replaced: the listing after the reconnect covers it
        }
        LifecycleEvents.Change change = LifecycleEvents.map(type, detail);
        emitObservation(table.apply(link.name(), uuid, name, change, this::isUp, () -> readOrUnknown(link, domain)));
        restarts.onEvent(uuid, link.name(), change, clock.instant()).ifPresent(this::emitObservation);
    }

    private void lost(HostLink link, Connect c, String reason) {
        if (link.connect != c) {
            return;
        }
        disconnect(c, link.lifecycle);
        link.connect = null;
        link.lifecycle = null;
        log.warn("collector {}: libvirt host {} lost: {}", endpoint.id(), link.name(), reason);
        down(link, reason);
        report();
    }

    /** Marks the host down, reports it, and schedules the next attempt. */
    private void down(HostLink link, String reason) {
        link.connect = null;
        link.downReason = reason;
        link.failures++;
        emitHost(link);
        if (!running) {
            return;
        }
        Duration wait = settings.backoff(link.failures);
        log.info("collector {}: libvirt host {} unreachable ({}); next attempt in {} ms", endpoint.id(), link.name(),
                reason, wait.toMillis());
        try {
            link.retry = thread.schedule(() -> reconnect(link), wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // stopped meanwhile
        }
    }

    private void reconnect(HostLink link) {
        if (!running || link.up()) {
            return;
        }
        connect(link);
        if (link.up()) {
            report();
        }
    }

    private void relist(HostLink link) {
        try {
            table.replaceHost(link.name(), list(link, link.connect));
        } catch (LibvirtException | RuntimeException e) {
            lost(link, link.connect, "listing domains failed: " + message(e));
        }
    }

    private List<DomainRecord> list(HostLink link, Connect c) throws LibvirtException {
        List<DomainRecord> out = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (int id : c.listDomains()) {
            read(link, () -> c.domainLookupByID(id), "domain id " + id, true, out, skipped);
        }
        for (String name : c.listDefinedDomains()) {
            read(link, () -> c.domainLookupByName(name), "domain " + name, false, out, skipped);
        }
        link.skipped = skipped;
        return out;
    }

    private interface Lookup {
        Domain find() throws LibvirtException;
    }

    private void read(HostLink link, Lookup lookup, String what, boolean listedActive, List<DomainRecord> out,
                      List<String> skipped) {
        Domain d = null;
        try {
            d = lookup.find();
            out.add(record(link, d, listedActive));
        } catch (LibvirtException e) {
            if (e.getError() == null || e.getError().getCode() != ErrorNumber.VIR_ERR_NO_DOMAIN) {
                skipped.add(what + " on " + link.name() + ": " + message(e));
            } // else: it went away between the listing and the lookup; its event says so
        } catch (RuntimeException e) {
            // The bindings fail on numbers they do not know (0.5.3: a PMSUSPENDED state): one domain, not the host.
            skipped.add(what + " on " + link.name() + ": " + message(e));
        } finally {
            free(d);
        }
    }

    private DomainRecord record(HostLink link, Domain d, boolean listedActive) throws LibvirtException {
        int state = LibvirtRaw.domainState(d);
        // Listed as running but stopped since: the state read last is the truth.
        boolean active = listedActive && state != DomainStates.SHUTOFF;
        return new DomainRecord(d.getUUIDString(), d.getName(), link.name(), DomainStates.of(state), active,
                d.isPersistent() == 1, 0);
    }

    private DomainRecord readOrUnknown(HostLink link, Domain domain) {
        try {
            return record(link, domain, domain.isActive() == 1);
        } catch (LibvirtException | RuntimeException e) {
            return new DomainRecord(uuidOf(domain), null, link.name(), new DomainPower(PowerState.UNKNOWN, "unreadable"),
                    false, true, 0);
        }
    }

    private void report() {
        if (!running) {
            return;
        }
        CollectorException none = noHostReachable();
        if (none != null) {
            sink.failed(none);
            return;
        }
        Snapshot.Builder b = Snapshot.builder(clock.instant());
        table.states(this::isUp).forEach(b::state);
        for (HostLink link : links.values()) {
            b.state(host(link));
            if (!link.up()) {
                b.unreadable(EventType.VM_STATE, Scope.node(link.name()), link.downReason);
            }
            link.skipped.forEach(reason -> b.skipped(reason).partial(EventType.VM_STATE));
        }
        if (replicationReading != null) {
            ReplicationReaders.addTo(replicationReading, b);
        } else if (replication.configured()) {
            // Not read yet (a new subscription): the items published before are not removed meanwhile.
            b.partial(EventType.REPLICATION_STATUS);
        }
        sink.snapshot(b.build());
    }

    /** The CONNECT failure naming every host's reason when no host is connected, else null. */
    private CollectorException noHostReachable() {
        if (links.values().stream().anyMatch(HostLink::up)) {
            return null;
        }
        String reasons = links.values().stream().map(l -> l.name() + ": " + l.downReason).collect(Collectors.joining("; "));
        return CollectorException.retriable(CollectorErrorKind.CONNECT,
                "no libvirt host of endpoint " + endpoint.id() + " is reachable (" + reasons + ")", null);
    }

    private boolean isUp(String host) {
        HostLink link = links.get(host);
        return link != null && link.up();
    }

    private HaHost host(HostLink link) {
        boolean up = link.up();
        return new HaHost(endpoint.siteOfHost(link.name()), Platform.LIBVIRT, link.name(), link.name(), null,
                up ? HaHostState.HEALTHY : HaHostState.FAILED, up ? "connected" : "unreachable",
                up ? null : link.downReason, false);
    }

    private void emitHost(HostLink link) {
        if (running) {
            sink.observe(clock.instant(), host(link));
        }
    }

    private void emitObservation(org.sitewatch.events.EventData data) {
        if (running) {
            sink.observe(clock.instant(), data);
        }
    }

    private void disconnect(HostLink link) {
        if (link.retry != null) {
            link.retry.cancel(false);
        }
        if (link.connect != null) {
            disconnect(link.connect, link.lifecycle);
            link.connect = null;
            link.lifecycle = null;
        }
    }

    /**
     * Deregisters the listeners, then closes: libvirt keeps a connection open while a callback is
     * registered on it, and libvirt-java's {@code close()} leaves them registered.
     */
    private static void disconnect(Connect c, LifecycleListener listener) {
        try {
            if (listener != null) {
                c.removeLifecycleListener(listener);
            }
        } catch (LibvirtException | RuntimeException e) {
            // the connection is broken already: nothing more to deliver
        }
        try {
            c.unregisterCloseListener();
        } catch (LibvirtException | RuntimeException e) {
            // already closed, or never registered
        }
        try {
            c.close();
        } catch (LibvirtException | RuntimeException e) {
            // closing is best effort: the handle is dropped either way
        }
    }

    private static void free(Domain d) {
        if (d != null) {
            try {
                d.free();
            } catch (LibvirtException | RuntimeException e) {
                // freed already
            }
        }
    }

    private static String uuidOf(Domain d) {
        try {
            return d.getUUIDString();
        } catch (LibvirtException e) {
            return "unknown";
        }
    }

    private boolean execute(Runnable task) {
        if (!running) {
            return false;
        }
        try {
            thread.execute(() -> {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    log.error("collector {}: libvirt task failed", endpoint.id(), e);
                }
            });
            return true;
        } catch (RejectedExecutionException e) {
            return false;
        }
    }

    /** Redacted: libvirt quotes the connection URI in some errors, and a URI may carry a password. */
    static String message(Exception e) {
        if (e instanceof LibvirtException le && le.getError() != null && le.getError().getMessage() != null) {
            return Redactor.redact(le.getError().getMessage());
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : Redactor.redact(e.getMessage());
    }
}
