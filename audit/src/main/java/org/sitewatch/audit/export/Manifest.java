package org.sitewatch.audit.export;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.sitewatch.audit.AuditDurations;
import org.sitewatch.audit.EventFilter;
import org.sitewatch.audit.ReplayRequest;
import org.sitewatch.audit.TimeRange;
import org.sitewatch.audit.kafka.PartitionRange;
import org.sitewatch.audit.kafka.ReadPlan;
import org.sitewatch.audit.replay.PartitionStats;
import org.sitewatch.audit.replay.ReplayResult;
import org.sitewatch.audit.replay.Undecodable;
import org.sitewatch.core.fold.AggregateLimits;
import org.sitewatch.core.fold.HealthRules;

/**
 * What an export contains and how to check it, written beside it as {@code <file>.manifest.json}:
 * the range (or instant) and filters, the exact offsets read per partition, the record count, the
 * SHA-256 of the file and the head of the {@link HashChain} over the records in order. With it,
 * {@code sitewatch verify} re-reads the same offsets and tells whether the file is complete and
 * unaltered. Everything needed to re-render the export is in here; nothing else is.
 *
 * @param kind {@code events} (a replay) or {@code state} (views at an instant)
 * @param maxLateness how far past {@code to} (or {@code at}) partitions were read, e.g. {@code 1h}
 * @param rules state exports: the health rules the views were judged with
 * @param limits state exports: the aggregate limits the fold used
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Manifest(int manifestVersion, String kind, String tool, Instant createdAt, KafkaRef kafka,
                       Instant from, Instant to, Instant at, String site, String maxLateness, EventFilter filters,
                       String format, ExportedFile file, long records, Chain hashChain, List<PartitionStats> partitions,
                       Long lateRecords, long undecodable, List<Undecodable> undecodableSamples, Instant oldestAvailable,
                       boolean truncatedByRetention, HealthRules rules, AggregateLimits limits) {

    public static final int VERSION = 1;
    public static final String EVENTS = "events";
    public static final String STATE = "state";
    public static final String SUFFIX = ".manifest.json";

    /** Where the cluster was. */
    public record KafkaRef(String bootstrapServers, String clusterId) {
    }

    /** The export file: its name (relative to the manifest), size and SHA-256 (hex). */
    public record ExportedFile(String name, long bytes, String sha256) {
    }

    public record Chain(String algorithm, String definition, String head) {
        public static Chain of(String head) {
            return new Chain("SHA-256", HashChain.DEFINITION, head);
        }
    }

    public static Manifest forReplay(ReplayResult result, ExportFormat format, String fileName, ExportOutcome outcome,
                                     String bootstrapServers, Instant createdAt) {
        ReplayRequest r = result.request();
        return new Manifest(VERSION, EVENTS, Tool.name(), createdAt, new KafkaRef(bootstrapServers, result.clusterId()),
                r.range().from(), r.range().to(), null, null, AuditDurations.format(r.maxLateness()), r.filter(),
                format.word(), new ExportedFile(fileName, outcome.bytes(), outcome.sha256()), outcome.records(),
                Chain.of(outcome.chainHead()), result.partitions(), result.late(), result.undecodable().count(),
                result.undecodable().samples(), result.oldestAvailable(), result.truncated(), null, null);
    }

    /** The replay request this manifest describes (events manifests). */
    public ReplayRequest request() {
        return new ReplayRequest(new TimeRange(from, to), filters, maxLatenessDuration(), true);
    }

    public Duration maxLatenessDuration() {
        return maxLateness == null ? null : AuditDurations.parseOrUnlimited(maxLateness, "maxLateness");
    }

    /** Exactly the offsets the export read. */
    public ReadPlan plan() {
        return new ReadPlan(partitions.stream()
                .map(p -> new PartitionRange(p.topic(), p.partition(), p.startOffset(), p.endOffset()))
                .toList());
    }
}
