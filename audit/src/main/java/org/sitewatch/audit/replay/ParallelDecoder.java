package org.sitewatch.audit.replay;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.sitewatch.audit.TimeRange;
import org.sitewatch.events.SitewatchEvent;

/**
 * Decodes fetched batches on all cores while the consumer keeps fetching: decoding (CloudEvents
 * headers, JSON, contract checks) and the canonical form are a replay's main cost, and records need
 * no order among themselves because the replay sorts them afterwards. Results are handed back in
 * submission order on the caller's thread, so per-partition bookkeeping stays sequential. At most
 * {@code 2 x threads} batches of one replay are in flight, which bounds the memory it holds. The threads
 * come from a {@link DecoderPool} that concurrent replays may share; closing drops this replay's
 * batches that did not start.
 */
final class ParallelDecoder implements AutoCloseable {

    /** One record's outcome: the event (null when undecodable), and its audit record when kept. */
    record Decoded(ConsumerRecord<byte[], byte[]> raw, SitewatchEvent event, Undecodable failure, AuditRecord kept) {
    }

    private final DecoderPool pool;
    private final int maxInFlight;
    private final ArrayDeque<Future<List<Decoded>>> inFlight = new ArrayDeque<>();
    private final TimeRange range;
    private final Predicate<SitewatchEvent> filter;
    private final Consumer<List<Decoded>> results;

    ParallelDecoder(DecoderPool pool, TimeRange range, Predicate<SitewatchEvent> filter, Consumer<List<Decoded>> results) {
        this.pool = pool;
        this.maxInFlight = 2 * pool.threads();
        this.range = range;
        this.filter = filter;
        this.results = results;
    }

    /** Queues a batch; may first hand back finished results to make room. */
    void submit(List<ConsumerRecord<byte[], byte[]>> batch) {
        List<ConsumerRecord<byte[], byte[]>> copy = new ArrayList<>(batch);
        inFlight.add(pool.submit(() -> decode(copy)));
        while (inFlight.size() > maxInFlight) {
            results.accept(take());
        }
    }

    /** Hands back every remaining result. */
    void finish() {
        while (!inFlight.isEmpty()) {
            results.accept(take());
        }
    }

    private List<Decoded> decode(List<ConsumerRecord<byte[], byte[]>> batch) {
        // One decoder per batch: pool threads are shared, so nothing of a replay stays on them.
        RecordDecoder decoder = new RecordDecoder(new UndecodableLog());
        List<Decoded> out = new ArrayList<>(batch.size());
        for (ConsumerRecord<byte[], byte[]> r : batch) {
            SitewatchEvent e = decoder.decode(r);
            if (e == null) {
                out.add(new Decoded(r, null, decoder.lastFailure(), null));
            } else if (range.contains(e.time()) && filter.test(e)) {
                out.add(new Decoded(r, e, null, AuditRecord.of(r.topic(), r.partition(), r.offset(), e, r.value()).compact()));
            } else {
                out.add(new Decoded(r, e, null, null));
            }
        }
        return out;
    }

    private List<Decoded> take() {
        try {
            return inFlight.poll().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while decoding", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
        }
    }

    @Override
    public void close() {
        Future<List<Decoded>> f;
        while ((f = inFlight.poll()) != null) {
            f.cancel(false);
        }
    }
}
