package org.sitewatch.audit.replay;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.sitewatch.audit.AuditException;
import org.sitewatch.audit.EventFilter;
import org.sitewatch.audit.ReplayRequest;
import org.sitewatch.audit.kafka.KafkaSource;
import org.sitewatch.audit.kafka.PartitionRange;
import org.sitewatch.audit.kafka.ProgressListener;
import org.sitewatch.audit.kafka.ReadPlan;
import org.sitewatch.audit.kafka.RecordScanner;
import org.sitewatch.audit.kafka.TopicSnapshot;
import org.sitewatch.events.Topics;

/**
 * The replay engine, shared by the command line and the REST API: plans which offsets cover a time
 * range (refusing a range that retention has cut, unless allowed), reads them, decodes each record
 * with the contract's serde, keeps those in range that match the filters and sorts them by event
 * time. Plain Java, no Spring. A filter naming a site that neither the range nor the recent collector
 * heartbeats know is refused as an unknown site, listing the known ones.
 */
public final class Replayer {

    private final KafkaSource source;
    private final int bufferRecords;
    private final Path tempDir;
    private final DecoderPool decoders;
    private final SpillBudget spill;

    /**
     * @param decoders shared decoding threads; null: a pool of every core for this replay alone
     * @param spill the temporary disk sorted runs may take
     */
    public Replayer(KafkaSource source, int bufferRecords, Path tempDir, DecoderPool decoders, SpillBudget spill) {
        this.source = source;
        this.bufferRecords = bufferRecords;
        this.tempDir = tempDir;
        this.decoders = decoders;
        this.spill = spill;
    }

    /** A replay of its own: decoding on every core, spilling without a cap (the command line). */
    public Replayer(KafkaSource source, int bufferRecords, Path tempDir) {
        this(source, bufferRecords, tempDir, null, SpillBudget.UNLIMITED);
    }

    public Replayer(KafkaSource source) {
        this(source, TimeMerge.DEFAULT_BUFFER_RECORDS, null);
    }

    /** Plans the read for the request's range and replays it. */
    public ReplayResult replay(ReplayRequest request, ProgressListener progress) {
        TopicSnapshot snapshot = TopicSnapshot.take(source, rawTopics());
        Instant from = request.range().from();
        if (!request.allowTruncated()) {
            snapshot.requireRetained(from, "--from");
        }
        Instant stopAt = request.maxLateness() == null ? null : request.range().to().plus(request.maxLateness());
        ReadPlan plan = snapshot.plan(from, stopAt);
        return read(plan, request, snapshot.oldestAvailable(), progress);
    }

    /** Replays exactly the given offsets (a verification re-reads a manifest's plan this way). */
    public ReplayResult read(ReadPlan plan, ReplayRequest request, Instant oldestAvailable, ProgressListener progress) {
        TimeMerge merge = new TimeMerge(bufferRecords, tempDir, spill);
        try {
            return collect(request, plan, oldestAvailable, merge, progress);
        } catch (RuntimeException e) {
            merge.close();
            throw e;
        }
    }

    private ReplayResult collect(ReplayRequest request, ReadPlan plan, Instant oldestAvailable, TimeMerge merge,
                                 ProgressListener progress) {
        Bookkeeping books = new Bookkeeping(plan, merge);
        long read;
        DecoderPool pool = decoders != null ? decoders : DecoderPool.ofAllCores();
        try (ParallelDecoder decoder = new ParallelDecoder(pool, request.range(), request.filter()::matches, books::accept)) {
            read = new RecordScanner(source).scanBatches(plan, decoder::submit, progress);
            decoder.finish();
        } finally {
            if (pool != decoders) {
                pool.close();
            }
        }
        requireKnownSites(request.filter(), books.sitesSeen, request);
        boolean truncated = oldestAvailable != null && request.range().from().isBefore(oldestAvailable);
        return new ReplayResult(request, plan, source.clusterId(), read, merge.size(), books.late, books.undecodable,
                new ArrayList<>(books.stats.values()), oldestAvailable, truncated, merge.spilledRuns(), merge);
    }

    /**
     * What the replay learns from decoded records, kept on the reading thread in each partition's
     * offset order: per-partition counts, late arrivals, the sites seen, undecodable records.
     */
    private static final class Bookkeeping {
        final Map<String, PartitionStats> stats = new LinkedHashMap<>();
        final Map<String, Instant> newest = new HashMap<>();
        final Set<String> sitesSeen = new TreeSet<>();
        final UndecodableLog undecodable = new UndecodableLog();
        final TimeMerge merge;
        long late;

        Bookkeeping(ReadPlan plan, TimeMerge merge) {
            this.merge = merge;
            for (PartitionRange r : plan.partitions()) {
                stats.put(r.topic() + "/" + r.partition(), PartitionStats.empty(r));
            }
        }

        void accept(List<ParallelDecoder.Decoded> batch) {
            for (ParallelDecoder.Decoded d : batch) {
                String key = d.raw().topic() + "/" + d.raw().partition();
                stats.computeIfPresent(key, (k, s) -> s.withRead());
                if (d.event() == null) {
                    undecodable.add(d.failure());
                    continue;
                }
                SiteDirectory.addSites(sitesSeen, d.event());
                Instant newestOfPartition = newest.merge(key, d.event().time(), (a, b) -> a.isAfter(b) ? a : b);
                if (d.kept() == null) {
                    continue;
                }
                if (d.event().time().isBefore(newestOfPartition)) {
                    late++;
                }
                merge.add(d.kept());
                stats.computeIfPresent(key, (k, s) -> s.withExported(d.raw().offset()));
            }
        }
    }

    private void requireKnownSites(EventFilter filter, Set<String> seen, ReplayRequest request) {
        List<String> wanted = new ArrayList<>(filter.sites());
        wanted.addAll(filter.peerSites());
        if (seen.containsAll(wanted)) {
            return;
        }
        Set<String> known = new TreeSet<>(seen);
        known.addAll(SiteDirectory.recentSites(source));
        List<String> unknown = wanted.stream().filter(s -> !known.contains(s)).distinct().toList();
        if (!unknown.isEmpty()) {
            throw new AuditException(AuditException.Kind.UNKNOWN_SITE, "unknown site" + (unknown.size() > 1 ? "s " : " ")
                    + "'" + String.join("', '", unknown) + "': no event mentions it in " + request.range()
                    + " and no collector reported it recently. Known sites: "
                    + (known.isEmpty() ? "none yet" : String.join(", ", known)));
        }
    }

    static List<String> rawTopics() {
        return Topics.RAW.stream().map(t -> t.name()).toList();
    }
}
