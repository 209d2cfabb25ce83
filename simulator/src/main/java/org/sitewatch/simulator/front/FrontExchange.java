package org.sitewatch.simulator.front;

import com.sun.net.httpserver.HttpExchange;
import java.time.Instant;
import java.util.List;
import java.util.function.BiFunction;
import org.sitewatch.simulator.ApiFaultKind;
import org.sitewatch.simulator.ClusterSpec;
import org.sitewatch.simulator.engine.ClusterState;

/**
 * One HTTP call as a vendor front sees it: the raw exchange, the path below the cluster's segment,
 * the cluster, and the engine's answers to "which fault hits this call" and "what is the state now".
 */
public interface FrontExchange {

    HttpExchange http();

    ClusterSpec cluster();

    /** Every cluster of the scenario, this one included, for views that name another cluster (e.g. a replication target). */
    default List<ClusterSpec> estate() {
        return List.of(cluster());
    }

    /** Path segments after the cluster's own segment, URL-decoded. */
    List<String> path();

    /**
     * The fault, if any, that hits a call to {@code apiPath} (segments below the API root) now.
     */
    ApiFaultKind faultFor(List<String> apiPath);

    /** Brings the model to now, then runs {@code reader} on the cluster's state under the engine's lock. */
    <T> T read(BiFunction<ClusterState, Instant, T> reader);

    /** The timeout fault: holds the call until the simulator's hold time passes or it closes, then drops it. */
    void holdThenDrop();
}
