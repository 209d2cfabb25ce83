package org.sitewatch.streams.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.sitewatch.events.HaActionKind;
import org.sitewatch.events.InvalidEventException;
import org.sitewatch.events.TopicSpec;
import org.sitewatch.events.Topics;

/**
 * Counters incremented inside Kafka Streams callbacks (the dead-letter handler, processors), which
 * Kafka creates itself and so cannot receive Spring beans. They go to Micrometer's global registry,
 * to which Spring Boot adds the application's registry ({@code management.metrics.use-global-registry},
 * on by default). Labels are bounded: topic × reason, site × action kind. Every series is created at 0
 * first, so {@code rate()} answers 0 rather than nothing.
 * <ul>
 *   <li>{@code sitewatch_dlq_records_total{topic,reason}}: records sent to the dead-letter topic; reason
 *       {@value #PROCESSING_REASON} for records whose processing threw (topic: the source topic, which may be a
 *       repartition topic, or {@value #NO_TOPIC})</li>
 *   <li>{@code sitewatch_site_ha_actions_total{site,action}}: HA actions folded, after de-duplication</li>
 * </ul>
 * Known limit: counted when processed, so a task replayed after a crash may count a record twice.
 */
public final class StreamCounters {

    public static final String DLQ_RECORDS = "sitewatch.dlq.records";
    public static final String HA_ACTIONS = "sitewatch.site.ha.actions";
    /** The reason label for failures that are not contract violations. */
    public static final String OTHER_REASON = "DESERIALIZATION";
    /** The reason label for records whose processing threw (a bug, not the record's contract). */
    public static final String PROCESSING_REASON = "PROCESSING";
    /** The topic label of a processing failure without an input record (a punctuation). */
    public static final String NO_TOPIC = "none";

    private static final Set<String> SITES_SEEN = ConcurrentHashMap.newKeySet();

    private StreamCounters() {
    }

    /** Creates every dead-letter series at 0. */
    public static void registerDeadLetters() {
        for (TopicSpec<?, ?> topic : Topics.RAW) {
            for (InvalidEventException.Reason reason : InvalidEventException.Reason.values()) {
                dlq(topic.name(), reason.name());
            }
            dlq(topic.name(), OTHER_REASON);
            dlq(topic.name(), PROCESSING_REASON);
        }
    }

    public static void deadLettered(String topic, String reason) {
        dlq(topic, reason).increment();
    }

    /** Counts one HA action of a site; the first call for a site creates its series at 0. */
    public static void haAction(String site, HaActionKind kind) {
        if (SITES_SEEN.add(site)) {
            for (HaActionKind k : HaActionKind.values()) {
                ha(site, k);
            }
        }
        if (kind != null) {
            ha(site, kind).increment();
        }
    }

    private static Counter dlq(String topic, String reason) {
        return Counter.builder(DLQ_RECORDS).description("Records sent to the dead-letter topic")
                .tag("topic", topic).tag("reason", reason).register(registry());
    }

    private static Counter ha(String site, HaActionKind kind) {
        return Counter.builder(HA_ACTIONS).description("HA actions (restart, fence, recovery, migrate, ...) of a site")
                .tag("site", site).tag("action", kind.name()).register(registry());
    }

    private static MeterRegistry registry() {
        return Metrics.globalRegistry;
    }
}
