package org.sitewatch.collectors.libvirt;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.sitewatch.collectors.spi.CollectorException;
import org.sitewatch.collectors.spi.EndpointConfig;
import org.sitewatch.collectors.spi.Scope;
import org.sitewatch.collectors.spi.Snapshot;
import org.sitewatch.collectors.storage.CephMirrorReplication;
import org.sitewatch.collectors.storage.DrbdReplication;
import org.sitewatch.collectors.storage.ReportingEndpoint;
import org.sitewatch.collectors.storage.StorageReplication;
import org.sitewatch.events.EventType;
import org.sitewatch.events.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The storage replication readers of one libvirt subscription, from the endpoint's {@code drbd} and
 * {@code ceph} blocks: every {@code poll-interval} it runs each configured reader on the thread
 * {@code libvirt-<id>-replication} and hands the reading to the subscription.
 *
 * <p>A thread of its own: a status command may run until its time-out (an SSH host that does not
 * answer), and on the subscription's thread it would hold back every lifecycle event meanwhile.
 *
 * <p>A reading is a {@link Snapshot} of replication parts only: the records, the skipped ones with
 * their reasons, and for each block that could not be read at all a partial read of replication
 * status, scope {@code endpoint libvirt.drbd} (or {@code libvirt.ceph}), whose reason is the failure
 * with its remedy ({@link CollectorException#describe()}): an SSH login refused or an unknown host key
 * reaches the heartbeat with what to do. A reader that cannot be created (an unreadable key file, a
 * missing known-hosts file) is the same partial read, and creating it is tried again at the next poll.
 * Not thread-safe: readings run on the one thread, {@link #close()} stops it first.
 */
final class ReplicationReaders {

    private static final Logger log = LoggerFactory.getLogger(ReplicationReaders.class);
    private static final Duration STOP_WAIT = Duration.ofSeconds(5);

    private final EndpointConfig endpoint;
    private final Clock clock;
    private final List<Block> blocks = new ArrayList<>();
    private ScheduledExecutorService thread;
    private boolean closed;

    ReplicationReaders(EndpointConfig endpoint, LibvirtSettings settings, Clock clock) {
        this.endpoint = endpoint;
        this.clock = clock;
        String key = endpoint.vendor().key();
        ReportingEndpoint reporting = new ReportingEndpoint(endpoint.site(), Platform.LIBVIRT, endpoint.targetRpo());
        if (settings.drbd() != null) {
            blocks.add(new Block("drbd", () -> DrbdReplication.create(settings.drbd(), key + ".drbd", reporting)));
        }
        if (settings.ceph() != null) {
            blocks.add(new Block("ceph", () -> CephMirrorReplication.create(settings.ceph(), key + ".ceph", reporting)));
        }
    }

    /** Whether the endpoint has a {@code drbd} or {@code ceph} block. */
    boolean configured() {
        return !blocks.isEmpty();
    }

    /** Reads now, then every poll interval after the previous reading ended; each reading goes to {@code onReading}. */
    synchronized void start(Consumer<Snapshot> onReading) {
        if (!configured() || thread != null || closed) { // closed: a stop that came first wins
            return;
        }
        thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "libvirt-" + endpoint.id() + "-replication");
            t.setDaemon(true);
            return t;
        });
        try {
            thread.scheduleWithFixedDelay(() -> onReading.accept(read()), 0, endpoint.pollInterval().toMillis(),
                    TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // closed meanwhile
        }
    }

    /** One reading of every block. */
    Snapshot read() {
        Instant now = clock.instant();
        Snapshot.Builder out = Snapshot.builder(now);
        for (Block block : blocks) {
            block.readInto(now, out);
        }
        return out.build();
    }

    /** Adds a reading's records, skipped reasons, partial types and partial reads to a full snapshot. */
    static void addTo(Snapshot reading, Snapshot.Builder out) {
        reading.states().forEach(out::state);
        reading.skipped().forEach(out::skipped);
        reading.partialTypes().forEach(out::partial);
        reading.unreadable().forEach(out::unreadable);
    }

    /** Stops the thread (interrupting a running command, waiting at most 5 s), then closes the readers. */
    void close() {
        ScheduledExecutorService current;
        synchronized (this) {
            closed = true;
            current = thread;
            thread = null;
        }
        if (current != null) {
            current.shutdownNow();
            try {
                if (!current.awaitTermination(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                    log.warn("collector {}: a replication status command did not stop within {} s", endpoint.id(),
                            STOP_WAIT.toSeconds());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        blocks.forEach(Block::close);
    }

    private interface Opener {
        StorageReplication open() throws CollectorException;
    }

    /** One configured block and its reader, created on first use. */
    private final class Block {
        private final String name;
        private final Opener opener;
        private final Scope scope;
        private StorageReplication reader;

        Block(String name, Opener opener) {
            this.name = name;
            this.opener = opener;
            this.scope = Scope.endpoint("libvirt." + name);
        }

        /**
         * Reads into a snapshot of its own first: a reader that fails half-way (Ceph, after some
         * images) must not leave records beside the partial read that says the block is unreadable.
         */
        void readInto(Instant now, Snapshot.Builder out) {
            Snapshot.Builder own = Snapshot.builder(now);
            try {
                if (reader == null) {
                    reader = opener.open();
                }
                reader.read(now, own);
            } catch (CollectorException e) {
                log.debug("collector {}: {} replication status not read: {}", endpoint.id(), name, e.describe());
                out.unreadable(EventType.REPLICATION_STATUS, scope, e.describe());
                return;
            } catch (RuntimeException e) {
                log.warn("collector {}: reading the {} replication status failed", endpoint.id(), name, e);
                out.unreadable(EventType.REPLICATION_STATUS, scope, "reading the " + name + " status failed: " + e);
                return;
            }
            addTo(own.build(), out);
        }

        void close() {
            if (reader != null) {
                try {
                    reader.close();
                } catch (RuntimeException e) {
                    log.debug("collector {}: closing the {} reader: {}", endpoint.id(), name, e.toString());
                }
                reader = null;
            }
        }
    }
}
