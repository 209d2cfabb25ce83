package org.sitewatch.audit.state;

import java.util.Iterator;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NoSuchElementException;
import java.util.TreeMap;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * A read-only key-value store over a sorted map, so the streams module's query code can read a
 * replayed estate as it reads its RocksDB stores. Keys iterate in their natural order, which for
 * Sitewatch's ASCII site names is the byte order RocksDB uses.
 */
final class MapStore<K extends Comparable<K>, V> implements ReadOnlyKeyValueStore<K, V> {

    private final NavigableMap<K, V> map;

    MapStore(Map<K, V> map) {
        this.map = new TreeMap<>(map);
    }

    @Override
    public V get(K key) {
        return map.get(key);
    }

    @Override
    public KeyValueIterator<K, V> range(K from, K to) {
        if (from == null && to == null) {
            return all();
        }
        NavigableMap<K, V> sub = from == null ? map.headMap(to, true)
                : to == null ? map.tailMap(from, true)
                : from.compareTo(to) > 0 ? new TreeMap<>() : map.subMap(from, true, to, true);
        return new Iter<>(sub.entrySet().iterator());
    }

    @Override
    public KeyValueIterator<K, V> reverseRange(K from, K to) {
        NavigableMap<K, V> sub = from == null && to == null ? map
                : from == null ? map.headMap(to, true)
                : to == null ? map.tailMap(from, true)
                : from.compareTo(to) > 0 ? new TreeMap<>() : map.subMap(from, true, to, true);
        return new Iter<>(sub.descendingMap().entrySet().iterator());
    }

    @Override
    public KeyValueIterator<K, V> reverseAll() {
        return new Iter<>(map.descendingMap().entrySet().iterator());
    }

    /** Keys starting with {@code prefix} (String keys; Sitewatch's index keys are ASCII, so byte order is char order). */
    @Override
    public <S extends Serializer<P>, P> KeyValueIterator<K, V> prefixScan(P prefix, S serializer) {
        String p = prefix.toString();
        Map<K, V> matching = new TreeMap<>();
        for (Map.Entry<K, V> e : map.tailMap(keyOf(p), true).entrySet()) {
            if (!e.getKey().toString().startsWith(p)) {
                break;
            }
            matching.put(e.getKey(), e.getValue());
        }
        return new Iter<>(matching.entrySet().iterator());
    }

    @SuppressWarnings("unchecked")
    private K keyOf(String prefix) {
        return (K) prefix;
    }

    @Override
    public KeyValueIterator<K, V> all() {
        return new Iter<>(map.entrySet().iterator());
    }

    @Override
    public long approximateNumEntries() {
        return map.size();
    }

    private static final class Iter<K, V> implements KeyValueIterator<K, V> {
        private final Iterator<Map.Entry<K, V>> it;
        private Map.Entry<K, V> peeked;

        Iter(Iterator<Map.Entry<K, V>> it) {
            this.it = it;
        }

        @Override
        public boolean hasNext() {
            return peeked != null || it.hasNext();
        }

        @Override
        public KeyValue<K, V> next() {
            Map.Entry<K, V> e = peeked != null ? peeked : it.next();
            peeked = null;
            return KeyValue.pair(e.getKey(), e.getValue());
        }

        @Override
        public K peekNextKey() {
            if (peeked == null) {
                if (!it.hasNext()) {
                    throw new NoSuchElementException();
                }
                peeked = it.next();
            }
            return peeked.getKey();
        }

        @Override
        public void close() {
            // nothing to release: a map iterator holds no resources
        }
    }
}
