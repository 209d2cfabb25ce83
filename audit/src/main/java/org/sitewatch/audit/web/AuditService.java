package org.sitewatch.audit.web;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.concurrent.Semaphore;
import org.sitewatch.audit.AuditException;
import org.sitewatch.audit.ReplayRequest;
import org.sitewatch.audit.export.ExportFormat;
import org.sitewatch.audit.export.Exporter;
import org.sitewatch.audit.kafka.KafkaSettings;
import org.sitewatch.audit.kafka.KafkaSource;
import org.sitewatch.audit.kafka.ProgressListener;
import org.sitewatch.audit.replay.Replayer;
import org.sitewatch.audit.replay.ReplayResult;
import org.sitewatch.audit.state.AsOfViewBuilder;
import org.sitewatch.audit.state.AsOfViews;
import org.sitewatch.audit.state.FiringAlertsSource;
import org.sitewatch.audit.state.HealthConfig;
import org.sitewatch.audit.state.RebuiltState;
import org.sitewatch.audit.state.StateRebuilder;

/**
 * The REST side of the audit engine: the same {@link Replayer} and {@link StateRebuilder} the
 * command line uses, one Kafka connection per request, at most {@code maxConcurrent} at once (each
 * holds a consumer and a sort buffer).
 */
public class AuditService {

    private final KafkaSettings kafka;
    private final AuditProperties properties;
    private final HealthConfig health;
    private final FiringAlertsSource alerts;
    private final Semaphore permits;

    public AuditService(KafkaSettings kafka, AuditProperties properties, HealthConfig health, FiringAlertsSource alerts) {
        this.kafka = kafka;
        this.properties = properties;
        this.health = health;
        this.alerts = alerts;
        this.permits = new Semaphore(Math.max(1, properties.maxConcurrent()));
    }

    /**
     * Reads and sorts the replay now (so bad ranges, unknown sites and an unreachable Kafka fail the
     * request before any byte is sent), then returns what writes it.
     */
    public PreparedReplay prepare(ReplayRequest request) {
        acquire();
        KafkaSource source = null;
        try {
            source = KafkaSource.connect(kafka);
            ReplayResult result = new Replayer(source, properties.sortBufferRecords(), null).replay(request, ProgressListener.NONE);
            return new PreparedReplay(source, result, permits);
        } catch (RuntimeException e) {
            if (source != null) {
                source.close();
            }
            permits.release();
            throw e;
        }
    }

    public AsOfViews state(Instant at, String site) {
        acquire();
        try (KafkaSource source = KafkaSource.connect(kafka)) {
            RebuiltState state = new StateRebuilder(source, health.rules(), health.limits())
                    .rebuild(at, properties.maxLateness(), false, ProgressListener.NONE);
            return new AsOfViewBuilder(health.rules(), alerts).build(state, site);
        } finally {
            permits.release();
        }
    }

    public AuditProperties properties() {
        return properties;
    }

    private void acquire() {
        if (!permits.tryAcquire()) {
            throw new BusyException(properties.maxConcurrent());
        }
    }

    /** A replay read and sorted, waiting to be written; {@link #writeTo} releases everything. */
    public static final class PreparedReplay {
        private final KafkaSource source;
        private final ReplayResult result;
        private final Semaphore permits;

        PreparedReplay(KafkaSource source, ReplayResult result, Semaphore permits) {
            this.source = source;
            this.result = result;
            this.permits = permits;
        }

        public long records() {
            return result.matched();
        }

        public void writeTo(OutputStream out) throws IOException {
            try {
                Exporter.export(result, ExportFormat.JSONL, out);
            } finally {
                result.close();
                source.close();
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
