package org.sitewatch.streams.query;

import java.util.List;

/**
 * Where a query must go. Site- and pair-keyed data lives on the instance owning the key's partition;
 * entity lists are spread over every instance. Implementations throw {@link NotReadyException} when
 * ownership is not settled (rebalancing, restoring, an instance without an address).
 */
public interface Routing {

    /** The instance owning {@code key} in {@code store}. */
    Target owner(String store, String key);

    /** Every instance holding active parts of {@code store}, this one first if it holds any. */
    List<Target> instances(String store);

    /**
     * Fails with {@link NotReadyException} unless every partition of {@code store} assigned to this
     * instance can be read now (a task still restoring is assigned but not readable).
     */
    default void requireLocalPartsReadable(String store) {
    }
}
