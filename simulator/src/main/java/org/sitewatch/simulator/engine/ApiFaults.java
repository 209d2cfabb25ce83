package org.sitewatch.simulator.engine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.sitewatch.simulator.ApiFaultKind;
import org.sitewatch.simulator.FaultScope;

/**
 * The API faults active on one cluster, each with its scope and optional end. When several match a
 * call, the one set last wins; setting a fault on a scope replaces the one already there.
 */
final class ApiFaults {

    private record Active(ApiFaultKind kind, FaultScope scope, Instant until) {
    }

    private final List<Active> active = new ArrayList<>();

    void set(ApiFaultKind kind, FaultScope scope, Instant until) {
        clear(scope);
        active.add(new Active(kind, scope, until));
    }

    /** Clears the fault on {@code scope}, or every fault when it is null. */
    void clear(FaultScope scope) {
        active.removeIf(a -> scope == null || a.scope().equals(scope));
    }

    /** Drops the faults whose time is up at {@code now}. */
    void expire(Instant now) {
        active.removeIf(a -> a.until() != null && !now.isBefore(a.until()));
    }

    /** The fault hitting a call to {@code path} at {@code now}, or null. */
    ApiFaultKind faultFor(List<String> path, Instant now) {
        expire(now);
        for (int i = active.size() - 1; i >= 0; i--) {
            if (active.get(i).scope().matches(path)) {
                return active.get(i).kind();
            }
        }
        return null;
    }
}
