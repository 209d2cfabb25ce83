package org.sitewatch.simulator.front;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sitewatch.simulator.ClusterSpec;
import org.sitewatch.simulator.NodeSpec;
import org.sitewatch.simulator.engine.ClusterState;

/**
 * One vendor's API in front of the vendor-neutral engine: it validates the vendor settings a
 * scenario gives a cluster, and answers HTTP calls by reading the cluster's live state and writing
 * it in the vendor's documented wire format (paths, envelopes, field names, state words, errors).
 * A front holds no state of its own; the engine owns time, the model and the faults.
 *
 * <p>Fronts are found with {@link java.util.ServiceLoader} by {@link #platform()} (see
 * {@link VendorFronts}): a new vendor is a new front and a registration, not a new engine.
 */
public interface VendorFront {

    /** The platform name clusters use in scenarios, as in the event contract, e.g. {@code proxmox}. */
    String platform();

    /** The vendor settings a cluster of this platform may declare (beside the neutral keys). */
    List<String> settingKeys();

    /** The settings a cluster of this platform must declare. */
    default List<String> requiredSettings() {
        return List.of();
    }

    /**
     * Checks one setting's value.
     *
     * @throws IllegalArgumentException with a message that says what is wrong (the caller adds the key)
     */
    void checkSetting(String key, String value);

    /** The replication technology of links that do not name one, e.g. {@code pvesr}. */
    String defaultTechnology();

    /** Path of the API root below the cluster's own segment, e.g. {@code /api2/json}. */
    String apiRoot();

    /**
     * Collector endpoint settings (beyond id, site, platform, url and node-sites) a Sitewatch
     * collector needs to read this cluster, as property names below the endpoint, e.g.
     * {@code api-token}. Values may be secrets: never log them.
     */
    Map<String, String> collectorSettings(ClusterSpec cluster);

    /**
     * As {@link #collectorSettings(ClusterSpec)}, for a front whose settings name the cluster's own
     * address (e.g. an appliance served below it; {@code baseUrl} is the collector's {@code url}) or
     * other clusters of the scenario ({@code estate}, this one included).
     */
    default Map<String, String> collectorSettings(ClusterSpec cluster, String baseUrl, List<ClusterSpec> estate) {
        return collectorSettings(cluster);
    }

    /**
     * Whether a collector reaches this front's clusters over HTTP at {@link #apiRoot()} below the
     * simulator's address (so their endpoints carry a {@code url}). False for a front a collector
     * reaches otherwise, e.g. the libvirt front's in-process {@code test:///default} driver: such an
     * endpoint has no {@code url}, and a collector in another process cannot watch it at all.
     */
    default boolean servedOverHttp() {
        return true;
    }

    /**
     * Whether this platform's collector takes the cluster's address as its {@code url} setting.
     * Default: when {@link #servedOverHttp() served over HTTP}. False for a front whose collector
     * settings carry the address otherwise (the KubeVirt front's kubeconfig names its listener, and
     * the KubeVirt collector has no {@code url} key): its endpoint still says where it listens.
     */
    default boolean collectorTakesUrl() {
        return servedOverHttp();
    }

    /**
     * Why this front cannot serve its clusters in this process (e.g. a native library it needs is
     * missing, with what to install), or empty when it can. The simulator leaves such clusters out of
     * its endpoints and its after-tick work, with a warning, rather than refusing to start.
     */
    default Optional<String> unavailableReason() {
        return Optional.empty();
    }

    /** Answers one call addressed to the cluster (its path starts after the cluster's segment). */
    void serve(FrontExchange exchange) throws IOException;

    /**
     * Called by the simulator after each of its ticks (and once at start), under the engine's lock, for
     * a front that keeps something outside the simulator in step with the cluster (e.g. the libvirt
     * front's test-driver domains and DRBD status files). Default: nothing.
     */
    default void afterTick(ClusterState cluster, Instant now) {
    }

    /**
     * Whether the vendor's HA may restart the cluster's guests on this node after a failure. True for
     * every node of a stretched cluster (a Proxmox VE or vSphere cluster with a node in another site);
     * a vendor whose nodes in other sites are standalone replica servers, outside the cluster, says no.
     */
    default boolean hostsRecoveredGuests(ClusterSpec cluster, NodeSpec node) {
        return true;
    }
}
