package org.sitewatch.streams.fold;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one entity adds to its site's aggregate: one count per counter it belongs to, its problem if
 * it has one, and (collectors only) its heartbeat. A site applies {@code counts += new - old} for
 * every change, so it never needs to hold the entities themselves.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Contribution(Map<String, Long> counts, Problem problem, CollectorView collector) {

    public static final Contribution NONE = new Contribution(Map.of(), null, null);

    public Contribution {
        // Sorted, so the stored JSON is canonical.
        counts = counts == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(counts));
    }

    public long count(String counter) {
        return counts.getOrDefault(counter, 0L);
    }

    @JsonIgnore
    public boolean isNone() {
        return counts.isEmpty() && problem == null && collector == null;
    }
}
