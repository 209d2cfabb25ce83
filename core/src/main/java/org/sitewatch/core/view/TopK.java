package org.sitewatch.core.view;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Keeps the first {@code k} of a stream of entries in an order, and counts them all, in memory bounded
 * by {@code k} however long the stream (a full scan of a large store must not hold every entry).
 */
final class TopK<T> {

    private final Comparator<? super T> order;
    private final int k;
    private final PriorityQueue<T> kept;
    private long total;

    TopK(Comparator<? super T> order, int k) {
        this.order = order;
        this.k = k;
        // Reversed: the head is the last of the kept ones, the first to drop.
        this.kept = new PriorityQueue<>(Math.min(k, 1024) + 1, order.reversed());
    }

    void offer(T entry) {
        total++;
        if (kept.size() < k) {
            kept.add(entry);
        } else if (order.compare(entry, kept.peek()) < 0) {
            kept.poll();
            kept.add(entry);
        }
    }

    long total() {
        return total;
    }

    List<T> sorted() {
        List<T> out = new ArrayList<>(kept);
        out.sort(order);
        return out;
    }
}
