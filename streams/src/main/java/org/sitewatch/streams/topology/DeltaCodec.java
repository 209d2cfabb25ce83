package org.sitewatch.streams.topology;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import org.sitewatch.core.fold.CollectorView;
import org.sitewatch.core.fold.Contribution;
import org.sitewatch.core.fold.EntityKind;
import org.sitewatch.core.fold.HaActionView;
import org.sitewatch.core.fold.HealthStatus;
import org.sitewatch.core.fold.PairDelta;
import org.sitewatch.core.fold.Problem;
import org.sitewatch.core.fold.SiteDelta;
import org.sitewatch.events.CollectorErrorKind;
import org.sitewatch.events.CollectorStatus;
import org.sitewatch.events.HaActionKind;
import org.sitewatch.events.JsonValueSerde;
import org.sitewatch.events.Platform;
import org.sitewatch.events.SiteLocation;
import org.sitewatch.events.UnreadableScope;

/**
 * A compact binary form of {@link SiteDelta} and {@link PairDelta} for the two repartition topics, which
 * carry one record per entity change. JSON cost the stream thread more there than anything else it
 * does per record: reflection and ISO-8601 instants on both sides. Here strings are length-prefixed
 * UTF-8, instants two numbers, enums their names (so adding a constant never shifts others), every
 * optional value a presence flag.
 *
 * <p>The format version is the first byte; {@value #VERSION} is written, every earlier one is still
 * read (records of it may wait in a repartition topic after an upgrade), and so is a record that
 * starts with {@code '{'}: the JSON written before the binary form. An upgrade loses nothing.
 * Versions: 1, the first; 2 adds the collector's location after its unreadable scopes.
 */
public final class DeltaCodec {

    static final byte VERSION = 2;
    /** The first binary version, which has no collector location. */
    static final byte VERSION_WITHOUT_LOCATION = 1;

    private DeltaCodec() {
    }

    public static Serde<SiteDelta> siteDeltaSerde() {
        return serde(DeltaCodec::writeSiteDelta, DeltaCodec::readSiteDelta, new JsonValueSerde<>(SiteDelta.class));
    }

    public static Serde<PairDelta> pairDeltaSerde() {
        return serde(DeltaCodec::writePairDelta, DeltaCodec::readPairDelta, new JsonValueSerde<>(PairDelta.class));
    }

    private interface Writer<T> {
        void write(Out out, T value);
    }

    private static <T> Serde<T> serde(Writer<T> writer, Function<In, T> reader, JsonValueSerde<T> json) {
        Serializer<T> serializer = (topic, value) -> {
            if (value == null) {
                return null;
            }
            Out out = new Out();
            out.buffer.write(VERSION);
            writer.write(out, value);
            return out.buffer.toByteArray();
        };
        Deserializer<T> deserializer = (topic, bytes) -> {
            if (bytes == null) {
                return null;
            }
            if (bytes.length > 0 && bytes[0] == '{') {
                return json.deserialize(topic, bytes);
            }
            if (bytes.length == 0 || bytes[0] < VERSION_WITHOUT_LOCATION || bytes[0] > VERSION) {
                throw new IllegalArgumentException("not a Sitewatch delta of format " + VERSION_WITHOUT_LOCATION + " to "
                        + VERSION + " (first byte " + (bytes.length == 0 ? "missing" : Byte.toString(bytes[0])) + ")");
            }
            In in = new In(ByteBuffer.wrap(bytes, 1, bytes.length - 1), bytes[0]);
            return reader.apply(in);
        };
        return Serdes.serdeFrom(serializer, deserializer);
    }

    static void writeSiteDelta(Out out, SiteDelta d) {
        out.string(d.site());
        out.string(d.subject());
        writeContribution(out, d.before());
        writeContribution(out, d.after());
        if (out.present(d.action())) {
            HaActionView a = d.action();
            out.string(a.eventId());
            out.string(a.actionId());
            out.string(a.vmId());
            out.string(a.cluster());
            out.name(a.action());
            out.string(a.fromHost());
            out.string(a.toHost());
            out.string(a.vendorState());
            out.string(a.detail());
            out.instant(a.time());
        }
        out.instant(d.eventTime());
    }

    static SiteDelta readSiteDelta(In in) {
        String site = in.string();
        String subject = in.string();
        Contribution before = readContribution(in);
        Contribution after = readContribution(in);
        HaActionView action = in.present()
                ? new HaActionView(in.string(), in.string(), in.string(), in.string(), in.name(HaActionKind.class),
                        in.string(), in.string(), in.string(), in.string(), in.instant())
                : null;
        return new SiteDelta(site, subject, before, after, action, in.instant());
    }

    static void writePairDelta(Out out, PairDelta d) {
        out.string(d.pair());
        out.string(d.subject());
        writeContribution(out, d.before());
        writeContribution(out, d.after());
        out.instant(d.eventTime());
    }

    static PairDelta readPairDelta(In in) {
        return new PairDelta(in.string(), in.string(), readContribution(in), readContribution(in), in.instant());
    }

    private static void writeContribution(Out out, Contribution c) {
        out.varint(c.counts().size());
        for (Map.Entry<String, Long> count : c.counts().entrySet()) {
            out.string(count.getKey());
            out.varlong(count.getValue());
        }
        if (out.present(c.problem())) {
            Problem p = c.problem();
            out.name(p.kind());
            out.string(p.entityId());
            out.string(p.name());
            out.name(p.severity());
            out.string(p.reason());
            out.instant(p.since());
            out.instant(p.lastRecoveryPoint());
            if (out.present(p.targetRpoSeconds())) {
                out.varlong(p.targetRpoSeconds());
            }
            if (out.present(p.outsideRpo())) {
                out.buffer.write(p.outsideRpo() ? 1 : 0);
            }
        }
        if (out.present(c.collector())) {
            CollectorView v = c.collector();
            out.string(v.collectorId());
            out.name(v.platform());
            out.string(v.endpoint());
            out.name(v.status());
            out.name(v.errorKind());
            out.string(v.error());
            out.instant(v.lastHeartbeat());
            out.instant(v.lastSuccess());
            out.varlong(v.intervalSeconds());
            out.varint(v.unreadable().size());
            for (UnreadableScope scope : v.unreadable()) {
                out.string(scope.type());
                out.string(scope.scope());
                out.string(scope.reason());
            }
            if (out.present(v.location())) {
                out.string(v.location().cloud());
                out.string(v.location().region());
            }
        }
        out.string(c.pair());
        out.instant(c.recoveryPoint());
        out.instant(c.testFailover());
    }

    private static Contribution readContribution(In in) {
        int counters = in.varint();
        Map<String, Long> counts = new HashMap<>(counters * 2);
        for (int i = 0; i < counters; i++) {
            counts.put(in.string(), in.varlong());
        }
        Problem problem = null;
        if (in.present()) {
            problem = new Problem(in.name(EntityKind.class), in.string(), in.string(), in.name(HealthStatus.class), in.string(),
                    in.instant(), in.instant(), in.present() ? in.varlong() : null, in.present() ? in.bool() : null);
        }
        CollectorView collector = null;
        if (in.present()) {
            String id = in.string();
            Platform platform = in.name(Platform.class);
            String endpoint = in.string();
            CollectorStatus status = in.name(CollectorStatus.class);
            CollectorErrorKind errorKind = in.name(CollectorErrorKind.class);
            String error = in.string();
            Instant lastHeartbeat = in.instant();
            Instant lastSuccess = in.instant();
            long interval = in.varlong();
            int scopes = in.varint();
            List<UnreadableScope> unreadable = new ArrayList<>(scopes);
            for (int i = 0; i < scopes; i++) {
                unreadable.add(new UnreadableScope(in.string(), in.string(), in.string()));
            }
            SiteLocation location = in.version() > VERSION_WITHOUT_LOCATION && in.present()
                    ? new SiteLocation(in.string(), in.string())
                    : null;
            collector = new CollectorView(id, platform, endpoint, status, errorKind, error, lastHeartbeat, lastSuccess, interval,
                    unreadable, location);
        }
        return new Contribution(counts, problem, collector, in.string(), in.instant(), in.instant());
    }

    /** The writing side: a growing buffer with the few primitives the format needs. */
    static final class Out {
        final ByteArrayOutputStream buffer = new ByteArrayOutputStream(256);

        /** Writes the presence flag of an optional value; true when the value follows. */
        boolean present(Object value) {
            buffer.write(value == null ? 0 : 1);
            return value != null;
        }

        void string(String s) {
            if (s == null) {
                varint(0);
                return;
            }
            byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
            varint(bytes.length + 1);
            buffer.write(bytes, 0, bytes.length);
        }

        void name(Enum<?> value) {
            string(value == null ? null : value.name());
        }

        void instant(Instant t) {
            if (present(t)) {
                varlong(t.getEpochSecond());
                varint(t.getNano());
            }
        }

        void varint(int v) {
            varlong(v);
        }

        /** Zig-zag, 7 bits a byte: small numbers of either sign take one byte. */
        void varlong(long v) {
            long z = (v << 1) ^ (v >> 63);
            while ((z & ~0x7FL) != 0) {
                buffer.write((int) ((z & 0x7F) | 0x80));
                z >>>= 7;
            }
            buffer.write((int) z);
        }
    }

    /** The reading side, of one format version. */
    static final class In {
        private final ByteBuffer bytes;
        private final byte version;

        In(ByteBuffer bytes, byte version) {
            this.bytes = bytes;
            this.version = version;
        }

        byte version() {
            return version;
        }

        boolean present() {
            return bytes.get() != 0;
        }

        boolean bool() {
            return bytes.get() != 0;
        }

        String string() {
            int length = varint();
            if (length == 0) {
                return null;
            }
            String s = new String(bytes.array(), bytes.arrayOffset() + bytes.position(), length - 1, StandardCharsets.UTF_8);
            bytes.position(bytes.position() + length - 1);
            return s;
        }

        <E extends Enum<E>> E name(Class<E> type) {
            String name = string();
            return name == null ? null : Enum.valueOf(type, name);
        }

        Instant instant() {
            return present() ? Instant.ofEpochSecond(varlong(), varint()) : null;
        }

        int varint() {
            return Math.toIntExact(varlong());
        }

        long varlong() {
            long z = 0;
            int shift = 0;
            byte b;
            do {
                b = bytes.get();
                z |= (long) (b & 0x7F) << shift;
                shift += 7;
            } while ((b & 0x80) != 0);
            return (z >>> 1) ^ -(z & 1);
        }
    }
}
