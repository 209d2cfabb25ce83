package org.sitewatch.audit.replay;

import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;
import org.sitewatch.events.SitewatchEvent;

/**
 * One event of a replay with where Kafka keeps it. Its canonical form ({@link CanonicalJson}) is
 * what exports write, what the hash chain covers and what a verification compares; the decoded
 * event is kept only when given and otherwise parsed back from the canonical form on demand, so
 * records waiting in the sort buffer or in a spill file take little memory.
 */
public final class AuditRecord {

    /** Event time, then topic, partition and offset: a total order, the same on every run. */
    public static final Comparator<AuditRecord> EVENT_TIME_ORDER = Comparator.comparing(AuditRecord::time)
            .thenComparing(AuditRecord::topic)
            .thenComparingInt(AuditRecord::partition)
            .thenComparingLong(AuditRecord::offset);

    private final String topic;
    private final int partition;
    private final long offset;
    private final Instant time;
    private final byte[] canonical;
    private SitewatchEvent event;

    public AuditRecord(String topic, int partition, long offset, Instant time, byte[] canonical, SitewatchEvent event) {
        this.topic = Objects.requireNonNull(topic);
        this.partition = partition;
        this.offset = offset;
        this.time = Objects.requireNonNull(time);
        this.canonical = Objects.requireNonNull(canonical);
        this.event = event;
    }

    /** A decoded Kafka record; {@code rawData} is the record value, the event's JSON data as published. */
    public static AuditRecord of(String topic, int partition, long offset, SitewatchEvent event, byte[] rawData) {
        byte[] canonical = CanonicalJson.render(event, rawData, topic, partition, offset);
        return new AuditRecord(topic, partition, offset, event.time(), canonical, event);
    }

    public String topic() {
        return topic;
    }

    public int partition() {
        return partition;
    }

    public long offset() {
        return offset;
    }

    /** The event time. */
    public Instant time() {
        return time;
    }

    /** The canonical JSON, UTF-8, one line without its newline. Do not modify. */
    public byte[] canonical() {
        return canonical;
    }

    public SitewatchEvent event() {
        if (event == null) {
            event = CanonicalJson.parseEvent(canonical);
        }
        return event;
    }

    /** {@code sitewatch.vm/3@42}. */
    public String coordinates() {
        return coordinates(topic, partition, offset);
    }

    public static String coordinates(String topic, int partition, long offset) {
        return topic + "/" + partition + "@" + offset;
    }

    /** The same record without its decoded event, for buffering. */
    public AuditRecord compact() {
        return event == null ? this : new AuditRecord(topic, partition, offset, time, canonical, null);
    }
}
