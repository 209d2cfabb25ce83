package org.sitewatch.core.view;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One page of a list view, in a stable order.
 *
 * @param asOf the instant time-dependent values (lags, staleness, outside RPO) were judged at
 * @param total every matching entry, on all instances
 * @param items entries {@code offset} to {@code offset + limit - 1} of the ordered result
 */
public record Page<T>(Instant asOf, long total, int offset, int limit, List<T> items) {

    public Page {
        items = List.copyOf(items);
    }

    /**
     * Merges the partial answers of several instances, each holding its own first {@code offset + limit}
     * entries in {@code order} and its own total, into the requested page.
     */
    public static <T> Page<T> merge(List<Page<T>> parts, Comparator<? super T> order, PageRequest page, Instant asOf) {
        List<T> all = new ArrayList<>();
        long total = 0;
        for (Page<T> part : parts) {
            all.addAll(part.items());
            total += part.total();
        }
        all.sort(order);
        int from = Math.min(page.offset(), all.size());
        int to = Math.min(page.offset() + page.limit(), all.size());
        return new Page<>(asOf, total, page.offset(), page.limit(), all.subList(from, to));
    }
}
