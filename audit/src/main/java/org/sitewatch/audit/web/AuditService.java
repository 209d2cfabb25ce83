package org.sitewatch.audit.web;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Semaphore;
import java.util.function.BooleanSupplier;
import org.sitewatch.audit.AuditDurations;
import org.sitewatch.audit.AuditException;
import org.sitewatch.audit.ReplayRequest;
import org.sitewatch.audit.export.ExportFormat;
import org.sitewatch.audit.export.Exporter;
import org.sitewatch.audit.kafka.KafkaSettings;
import org.sitewatch.audit.kafka.KafkaSource;
import org.sitewatch.audit.kafka.ProgressListener;
import org.sitewatch.audit.kafka.ReadBudget;
import org.sitewatch.audit.replay.DecoderPool;
import org.sitewatch.audit.replay.Replayer;
import org.sitewatch.audit.replay.ReplayResult;
import org.sitewatch.audit.replay.SpillBudget;
import org.sitewatch.audit.state.AsOfViewBuilder;
import org.sitewatch.audit.state.AsOfViews;
import org.sitewatch.audit.state.FiringAlertsSource;
import org.sitewatch.audit.state.HealthConfig;
import org.sitewatch.audit.state.RebuiltState;
import org.sitewatch.audit.state.StateRebuilder;

/**
 * The REST side of the audit engine: the same {@link Replayer} and {@link StateRebuilder} the
 * command line uses, bounded because it runs inside the monitoring process: at most
 * {@code max-concurrent} requests at once (each holds a Kafka connection and a sort buffer), a replay's
 * range and lateness within {@code max-range}, each request's reading within {@code request-deadline}
 * and stopped when its client goes away ({@link ReadBudget}), decoding on one pool of
 * {@code decoder-threads} shared by all requests, and sorting within {@code max-spill-size} of disk
 * shared by all requests.
 */
public class AuditService implements AutoCloseable {

    private final KafkaSettings kafka;
    private final AuditProperties properties;
    private final HealthConfig health;
    private final FiringAlertsSource alerts;
    private final Semaphore permits;
    private final DecoderPool decoders;
    private final SpillBudget spill;

    public AuditService(KafkaSettings kafka, AuditProperties properties, HealthConfig health, FiringAlertsSource alerts) {
        this.kafka = kafka;
        this.properties = properties;
        this.health = health;
        this.alerts = alerts;
        this.permits = new Semaphore(properties.maxConcurrent());
        this.decoders = new DecoderPool(properties.effectiveDecoderThreads(), "sitewatch-audit-decode");
        this.spill = new SpillBudget(properties.maxSpillSize().toBytes(), AuditProperties.PREFIX + "max-spill-size");
    }

    /**
     * Checks the request against the limits, then reads and sorts the replay now (so bad ranges,
     * unknown sites, an unreachable Kafka and a spent deadline fail the request before any byte is
     * sent), closes the Kafka connection, and returns what writes the answer.
     *
     * @param clientGone whether the client closed its connection; the read stops when it did
     */
    public PreparedReplay prepare(ReplayRequest request, BooleanSupplier clientGone) {
        requireWithinLimits(request);
        acquire();
        ReadBudget budget = budget(clientGone);
        try (KafkaSource source = KafkaSource.connect(kafka, budget)) {
            ReplayResult result = new Replayer(source, properties.sortBufferRecords(), properties.spillDirectory(), decoders, spill)
                    .replay(request, ProgressListener.NONE);
            return new PreparedReplay(result, permits);
        } catch (RuntimeException e) {
            permits.release();
            throw e;
        }
    }

    /** The views at {@code at}, rebuilt from all retained history within the request's deadline. */
    public AsOfViews state(Instant at, String site, BooleanSupplier clientGone) {
        acquire();
        ReadBudget budget = budget(clientGone);
        try (KafkaSource source = KafkaSource.connect(kafka, budget)) {
            RebuiltState state = new StateRebuilder(source, health.rules(), health.limits())
                    .rebuild(at, properties.maxLateness(), false, ProgressListener.NONE);
            return new AsOfViewBuilder(health.rules(), alerts).build(state, site, budget);
        } finally {
            permits.release();
        }
    }

    public AuditProperties properties() {
        return properties;
    }

    /** Requests running now (reading, or writing their answer). */
    public int running() {
        return properties.maxConcurrent() - permits.availablePermits();
    }

    /** Temporary disk that running replays hold now. */
    public long spillInUse() {
        return spill.used();
    }

    /** Stops the decoding threads (when the application context closes). */
    @Override
    public void close() {
        decoders.close();
    }

    /**
     * @throws AuditException BAD_REQUEST naming {@code sitewatch.audit.max-range} for a range, or a
     *     lateness, longer than it ({@code unlimited} lateness included)
     */
    void requireWithinLimits(ReplayRequest request) {
        Duration max = properties.maxRange();
        String setting = AuditProperties.PREFIX + "max-range";
        if (request.range().length().compareTo(max) > 0) {
            throw new AuditException(AuditException.Kind.BAD_REQUEST, "the range from " + request.range().from() + " to "
                    + request.range().to() + " spans " + AuditDurations.format(request.range().length())
                    + ", longer than the " + AuditDurations.format(max) + " this API reads at once (" + setting
                    + "): split it into ranges of at most " + AuditDurations.format(max)
                    + ", or use the command line ('sitewatch replay'), which has no such limit");
        }
        Duration lateness = request.maxLateness();
        if (lateness == null || lateness.compareTo(max) > 0) {
            throw new AuditException(AuditException.Kind.BAD_REQUEST, "maxLateness '" + AuditDurations.format(lateness)
                    + "' reads further than this API reads at once: give at most " + AuditDurations.format(max) + " ("
                    + setting + "); 'unlimited' is for the command line");
        }
    }

    private ReadBudget budget(BooleanSupplier clientGone) {
        return ReadBudget.of(properties.requestDeadline(), AuditProperties.PREFIX + "request-deadline", clientGone);
    }

    private void acquire() {
        if (!permits.tryAcquire()) {
            throw new BusyException(properties.maxConcurrent());
        }
    }

    /** A replay read and sorted, waiting to be written; {@link #writeTo} releases everything. */
    public static final class PreparedReplay {
        private final ReplayResult result;
        private final Semaphore permits;

        PreparedReplay(ReplayResult result, Semaphore permits) {
            this.result = result;
            this.permits = permits;
        }

        public long records() {
            return result.matched();
        }

        /** Writes the lines; a client that goes away ends the writing with an IOException, which frees all the same. */
        public void writeTo(OutputStream out) throws IOException {
            try {
                Exporter.export(result, ExportFormat.JSONL, out);
            } finally {
                result.close();
                permits.release();
            }
        }
    }

    /** Too many replays at once. */
    public static final class BusyException extends AuditException {
        BusyException(int max) {
            super(Kind.KAFKA_UNAVAILABLE, "already running " + max + " audit replays; try again shortly");
        }
    }
}
