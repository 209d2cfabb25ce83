package org.sitewatch.streams.store;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NoSuchElementException;
import java.util.TreeMap;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.StateStoreContext;
import org.apache.kafka.streams.query.Position;
import org.apache.kafka.streams.query.PositionBound;
import org.apache.kafka.streams.query.Query;
import org.apache.kafka.streams.query.QueryConfig;
import org.apache.kafka.streams.query.QueryResult;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.internals.CacheFlushListener;
import org.apache.kafka.streams.state.internals.CachedStateStore;

/**
 * A key-value store that keeps recently used values as Java objects and writes changes to the store
 * beneath (metered, change-logged RocksDB) once per commit instead of once per record.
 *
 * <p>Why: Kafka Streams' own record cache holds bytes, so every {@code get} deserializes and every
 * {@code put} serializes the whole value. For the fold's entity records, alert memories and the site
 * aggregates (hundreds of problems) that JSON work was most of the stream thread's time. Here a
 * {@code get} of a recent key is a map lookup, a {@code put} only marks the key dirty, and each dirty key
 * is serialized and written (and so sent to its changelog) once when the task commits.
 *
 * <p>Exactly-once holds: Kafka Streams calls {@link #flushCache()} on every store implementing
 * {@link CachedStateStore} before it flushes the producer and commits the transaction, so the dirty
 * values reach the changelog in the same transaction as the input offsets they came from. A crash
 * before the commit loses the dirty values and the offsets together; {@link #init}, {@link #close} and
 * {@link #clearCache} drop whatever was not written. (The interface is in Kafka Streams' internals package;
 * {@code WriteBehindStoreTest} checks the contract against the Kafka version in use.)
 *
 * <p>Readers on other threads (interactive queries) see the same values as the stream thread: single
 * keys from the map, ranges merged from the store beneath and the not-yet-written keys. The map is
 * bounded: beyond {@code capacity} entries the least recently used clean one is dropped; dirty ones
 * stay until the commit writes them, so the map holds at most {@code capacity} plus one commit's changes.
 */
public final class WriteBehindStore<V> implements KeyValueStore<String, V>, CachedStateStore<String, V> {

    /** RocksDB orders keys by their UTF-8 bytes; merged ranges must use the same order. */
    private static final Comparator<String> STORE_ORDER =
            (a, b) -> Bytes.BYTES_LEXICO_COMPARATOR.compare(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));

    private final KeyValueStore<String, V> inner;
    private final int capacity;
    private final LinkedHashMap<String, Slot<V>> slots;
    /** The dirty keys in the order they became dirty, so a flush visits only them, not the whole map. */
    private final ArrayList<String> dirtyKeys = new ArrayList<>();
    /** Counts writes, so a reader that missed the map does not cache a value a newer write replaced. */
    private long writes;
    /**
     * Resident stores (few keys, all hot: the site aggregates) hold every value in memory, in store order,
     * loaded from RocksDB on first use after a restore; whole-store reads then decode nothing.
     */
    private final boolean resident;
    private TreeMap<String, V> everything;

    /** A cached value ({@code null} = known absent) and whether it still has to be written. */
    private static final class Slot<V> {
        V value;
        boolean dirty;

        Slot(V value, boolean dirty) {
            this.value = value;
            this.dirty = dirty;
        }
    }

    public WriteBehindStore(KeyValueStore<String, V> inner, int capacity) {
        this(inner, capacity, false);
    }

    /**
     * @param resident keep every value of the store in memory (for stores whose key count is small and
     *     bounded, such as one per site), so ranges and full scans are served from memory
     */
    public WriteBehindStore(KeyValueStore<String, V> inner, int capacity, boolean resident) {
        this.resident = resident;
        if (capacity < 1) {
            throw new IllegalArgumentException("write-behind capacity must be at least 1 but was " + capacity);
        }
        this.inner = inner;
        this.capacity = capacity;
        this.slots = new LinkedHashMap<>(Math.min(capacity, 1024) * 2, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Slot<V>> eldest) {
                // A dirty value stays until the next flush writes it: only the commit path writes.
                return size() > WriteBehindStore.this.capacity && !eldest.getValue().dirty;
            }
        };
    }

    @Override
    public String name() {
        return inner.name();
    }

    @Override
    public void init(StateStoreContext context, StateStore root) {
        clearCache();
        inner.init(context, root);
    }

    @Override
    public V get(String key) {
        if (resident) {
            synchronized (this) {
                return loaded().get(key);
            }
        }
        long seen;
        synchronized (this) {
            Slot<V> slot = slots.get(key);
            if (slot != null) {
                return slot.value;
            }
            seen = writes;
        }
        V value = inner.get(key);
        synchronized (this) {
            if (writes == seen) {
                slots.put(key, new Slot<>(value, false));
            } else {
                Slot<V> slot = slots.get(key);
                if (slot != null) {
                    return slot.value;
                }
            }
        }
        return value;
    }

    @Override
    public synchronized void put(String key, V value) {
        writes++;
        if (resident) {
            if (value == null) {
                loaded().remove(key);
            } else {
                loaded().put(key, value);
            }
        }
        Slot<V> slot = slots.get(key);
        if (slot == null) {
            slots.put(key, new Slot<>(value, true));
            dirtyKeys.add(key);
        } else {
            slot.value = value;
            if (!slot.dirty) {
                slot.dirty = true;
                dirtyKeys.add(key);
            }
        }
    }

    @Override
    public V putIfAbsent(String key, V value) {
        V current = get(key);
        if (current == null) {
            put(key, value);
        }
        return current;
    }

    @Override
    public void putAll(List<KeyValue<String, V>> entries) {
        for (KeyValue<String, V> entry : entries) {
            put(entry.key, entry.value);
        }
    }

    @Override
    public V delete(String key) {
        V current = get(key);
        put(key, null);
        return current;
    }

    /** Writes every dirty value to the store beneath; called by Kafka Streams before each commit. */
    @Override
    public synchronized void flushCache() {
        for (String key : dirtyKeys) {
            // A dirty slot is never evicted, and a key is listed once per dirty spell.
            Slot<V> slot = slots.get(key);
            write(key, slot.value);
            slot.dirty = false;
        }
        dirtyKeys.clear();
        Iterator<String> eldestFirst = slots.keySet().iterator();
        while (slots.size() > capacity && eldestFirst.hasNext()) {
            eldestFirst.next();
            eldestFirst.remove();
        }
    }

    @Override
    public synchronized void clearCache() {
        slots.clear();
        dirtyKeys.clear();
        everything = null;
    }

    /** The resident values, read from the store beneath on first use (after the restore, before processing). */
    private TreeMap<String, V> loaded() {
        if (everything == null) {
            TreeMap<String, V> all = new TreeMap<>(STORE_ORDER);
            try (KeyValueIterator<String, V> stored = inner.all()) {
                stored.forEachRemaining(kv -> all.put(kv.key, kv.value));
            }
            for (String key : dirtyKeys) {
                V value = slots.get(key).value;
                if (value == null) {
                    all.remove(key);
                } else {
                    all.put(key, value);
                }
            }
            everything = all;
        }
        return everything;
    }

    /** The resident values from {@code from} to {@code to} (null: open), copied, so the caller iterates without the lock. */
    private synchronized KeyValueIterator<String, V> residentRange(String from, String to, boolean reverse) {
        NavigableMap<String, V> range = loaded();
        if (from != null && to != null) {
            range = STORE_ORDER.compare(from, to) > 0 ? new TreeMap<>(STORE_ORDER) : range.subMap(from, true, to, true);
        } else if (from != null) {
            range = range.tailMap(from, true);
        } else if (to != null) {
            range = range.headMap(to, true);
        }
        List<KeyValue<String, V>> copy = new ArrayList<>(range.size());
        (reverse ? range.descendingMap() : range).forEach((k, v) -> copy.add(KeyValue.pair(k, v)));
        return new ListIterator<>(copy);
    }

    /** A finished list as a store iterator. */
    private static final class ListIterator<V> implements KeyValueIterator<String, V> {
        private final List<KeyValue<String, V>> entries;
        private int next;

        ListIterator(List<KeyValue<String, V>> entries) {
            this.entries = entries;
        }

        @Override
        public boolean hasNext() {
            return next < entries.size();
        }

        @Override
        public KeyValue<String, V> next() {
            if (next >= entries.size()) {
                throw new NoSuchElementException();
            }
            return entries.get(next++);
        }

        @Override
        public String peekNextKey() {
            if (next >= entries.size()) {
                throw new NoSuchElementException();
            }
            return entries.get(next).key;
        }

        @Override
        public void close() {
        }
    }

    @Override
    public boolean setFlushListener(CacheFlushListener<String, V> listener, boolean sendOldValues) {
        return false; // nothing is forwarded on flush: the processors forward what they decide
    }

    @Override
    public void flush() {
        flushCache();
        inner.flush();
    }

    @Override
    public void close() {
        clearCache(); // a clean close committed (flushed) first; a dirty close must not write
        inner.close();
    }

    @Override
    public boolean persistent() {
        return inner.persistent();
    }

    @Override
    public boolean isOpen() {
        return inner.isOpen();
    }

    @Override
    public <R> QueryResult<R> query(Query<R> query, PositionBound positionBound, QueryConfig config) {
        return inner.query(query, positionBound, config);
    }

    @Override
    public Position getPosition() {
        return inner.getPosition();
    }

    @Override
    public KeyValueIterator<String, V> range(String from, String to) {
        if (resident) {
            return residentRange(from, to, false);
        }
        return merged(inner.range(from, to), key -> (from == null || STORE_ORDER.compare(key, from) >= 0)
                && (to == null || STORE_ORDER.compare(key, to) <= 0), false);
    }

    @Override
    public KeyValueIterator<String, V> reverseRange(String from, String to) {
        if (resident) {
            return residentRange(from, to, true);
        }
        return merged(inner.reverseRange(from, to), key -> (from == null || STORE_ORDER.compare(key, from) >= 0)
                && (to == null || STORE_ORDER.compare(key, to) <= 0), true);
    }

    @Override
    public KeyValueIterator<String, V> all() {
        if (resident) {
            return residentRange(null, null, false);
        }
        return merged(inner.all(), key -> true, false);
    }

    @Override
    public KeyValueIterator<String, V> reverseAll() {
        if (resident) {
            return residentRange(null, null, true);
        }
        return merged(inner.reverseAll(), key -> true, true);
    }

    @Override
    public <PS extends Serializer<P>, P> KeyValueIterator<String, V> prefixScan(P prefix, PS prefixKeySerializer) {
        byte[] prefixBytes = prefixKeySerializer.serialize(null, prefix);
        if (resident) {
            List<KeyValue<String, V>> matching = new ArrayList<>();
            try (KeyValueIterator<String, V> all = residentRange(null, null, false)) {
                all.forEachRemaining(kv -> {
                    if (startsWith(kv.key.getBytes(StandardCharsets.UTF_8), prefixBytes)) {
                        matching.add(kv);
                    }
                });
            }
            return new ListIterator<>(matching);
        }
        return merged(inner.prefixScan(prefix, prefixKeySerializer), key -> startsWith(key.getBytes(StandardCharsets.UTF_8), prefixBytes),
                false);
    }

    @Override
    public long approximateNumEntries() {
        return inner.approximateNumEntries();
    }

    private void write(String key, V value) {
        if (value == null) {
            inner.delete(key);
        } else {
            inner.put(key, value);
        }
    }

    private static boolean startsWith(byte[] key, byte[] prefix) {
        if (key.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (key[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private interface KeyFilter {
        boolean test(String key);
    }

    /** The store's entries in range with the not-yet-written keys laid over them, in store order. */
    private KeyValueIterator<String, V> merged(KeyValueIterator<String, V> stored, KeyFilter inRange, boolean reverse) {
        List<KeyValue<String, V>> pending = new ArrayList<>();
        synchronized (this) {
            for (String key : dirtyKeys) {
                if (inRange.test(key)) {
                    pending.add(KeyValue.pair(key, slots.get(key).value));
                }
            }
        }
        if (pending.isEmpty()) {
            return stored;
        }
        Comparator<String> order = reverse ? STORE_ORDER.reversed() : STORE_ORDER;
        pending.sort((a, b) -> order.compare(a.key, b.key));
        return new OverlayIterator<>(stored, pending.iterator(), order);
    }

    /** Merges two sorted sequences; on equal keys the overlay wins, and an overlay null hides the key. */
    private static final class OverlayIterator<V> implements KeyValueIterator<String, V> {
        private final KeyValueIterator<String, V> stored;
        private final Iterator<KeyValue<String, V>> overlay;
        private final Comparator<String> order;
        private KeyValue<String, V> nextStored;
        private KeyValue<String, V> nextOverlay;
        private KeyValue<String, V> next;

        OverlayIterator(KeyValueIterator<String, V> stored, Iterator<KeyValue<String, V>> overlay, Comparator<String> order) {
            this.stored = stored;
            this.overlay = overlay;
            this.order = order;
            this.nextStored = stored.hasNext() ? stored.next() : null;
            this.nextOverlay = overlay.hasNext() ? overlay.next() : null;
            advance();
        }

        private void advance() {
            next = null;
            while (next == null && (nextStored != null || nextOverlay != null)) {
                int c = nextStored == null ? 1 : nextOverlay == null ? -1 : order.compare(nextStored.key, nextOverlay.key);
                KeyValue<String, V> candidate;
                if (c < 0) {
                    candidate = nextStored;
                    nextStored = stored.hasNext() ? stored.next() : null;
                } else {
                    if (c == 0) {
                        nextStored = stored.hasNext() ? stored.next() : null;
                    }
                    candidate = nextOverlay;
                    nextOverlay = overlay.hasNext() ? overlay.next() : null;
                }
                if (candidate.value != null) {
                    next = candidate;
                }
            }
        }

        @Override
        public boolean hasNext() {
            return next != null;
        }

        @Override
        public KeyValue<String, V> next() {
            if (next == null) {
                throw new NoSuchElementException();
            }
            KeyValue<String, V> current = next;
            advance();
            return current;
        }

        @Override
        public String peekNextKey() {
            if (next == null) {
                throw new NoSuchElementException();
            }
            return next.key;
        }

        @Override
        public void close() {
            stored.close();
        }
    }
}
