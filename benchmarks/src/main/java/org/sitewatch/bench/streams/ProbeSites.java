package org.sitewatch.bench.streams;

import java.net.URI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.sitewatch.events.AlertState;
import org.sitewatch.events.CollectorHeartbeat;
import org.sitewatch.events.CollectorStatus;
import org.sitewatch.events.EventData;
import org.sitewatch.events.HaCluster;
import org.sitewatch.events.HaHost;
import org.sitewatch.events.HaHostState;
import org.sitewatch.events.Platform;
import org.sitewatch.events.PowerState;
import org.sitewatch.events.ReplicationHealth;
import org.sitewatch.events.ReplicationState;
import org.sitewatch.events.ReplicationStatus;
import org.sitewatch.events.SitewatchEvent;
import org.sitewatch.events.VmState;

/**
 * Sites that only the latency probes change, beside the load's own estate, so every change of their verdict has
 * exactly one cause. Each has one replicated item and one HA host that the probes fail and recover in turn: a
 * replication failure makes the site CRITICAL and fires ReplicationFailed, a host failure makes it DEGRADED and
 * fires HaHostFailed, and each recovery undoes both. Such a verdict change is published at once (count changes
 * wait for the punctuation), which is why the probes are these and not, say, power changes.
 *
 * <p>A probe is found again by its effect: the view's FAILED count of items or of hosts moving by one (one
 * entity of each per site, whose events keep their order on one partition), and the alert by its labels and its
 * {@code startsAt} (firing) or {@code endsAt} (resolved), which the app sets to the event time of the observation.
 */
final class ProbeSites {

    static final String ITEM = "900-0";
    static final String HOST = "probe-host";
    private static final String CLUSTER = "probe-cluster";
    private static final String VM = "900";
    /** A day: neither the item's RPO nor the collector's staleness can change a verdict during a run. */
    private static final long LONG_SECONDS = 86_400;

    /** What a probe fails and recovers, and the alert rule that fires on it. */
    enum Kind {
        REPLICATION("ReplicationFailed", "item", ITEM),
        HA_HOST("HaHostFailed", "host", HOST);

        final String alertname;
        final String entityLabel;
        final String entity;

        Kind(String alertname, String entityLabel, String entity) {
            this.alertname = alertname;
            this.entityLabel = entityLabel;
            this.entity = entity;
        }
    }

    /**
     * One probe event.
     *
     * @param raises true when it fails the entity (fires the alert), false when it recovers it (resolves it)
     */
    record Probe(String site, Kind kind, boolean raises, SitewatchEvent event) {

        /** The alert record it causes, as {@link #alertKey(String, String, String, AlertState, Instant)} names it. */
        String alertKey() {
            return ProbeSites.alertKey(kind.alertname, site, kind.entity, raises ? AlertState.FIRING : AlertState.RESOLVED,
                    event.time());
        }
    }

    static String alertKey(String alertname, String site, String entity, AlertState state, Instant at) {
        return alertname + "|" + site + "|" + entity + "|" + state + "|" + at;
    }

    private final List<String> names = new ArrayList<>();
    private final boolean[] itemFailed;
    private final boolean[] hostFailed;
    private final int[] probesSent;
    private int nextSite;
    private Instant last = Instant.EPOCH;

    ProbeSites(int count) {
        for (int i = 0; i < count; i++) {
            names.add(String.format(Locale.ROOT, "probe-%03d", i));
        }
        itemFailed = new boolean[count];
        hostFailed = new boolean[count];
        probesSent = new int[count];
    }

    List<String> names() {
        return names;
    }

    boolean isProbeSite(String site) {
        return site != null && site.startsWith("probe-") && names.contains(site);
    }

    /** Every probe site healthy: a heartbeat, an HA cluster of three hosts, the item's VM and the item. */
    List<SitewatchEvent> inventory() {
        List<SitewatchEvent> events = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            String site = names.get(i);
            Instant now = nextTime();
            events.add(event(site, new CollectorHeartbeat(site, Platform.PROXMOX, site + "-probe", "https://" + site + ".example:8006",
                    CollectorStatus.OK, null, null, 100L, now, LONG_SECONDS, null), now));
            events.add(event(site, new HaCluster(site, Platform.PROXMOX, CLUSTER, CLUSTER, true, 3, 3, 1, true, "quorate"), nextTime()));
            for (String host : List.of("pve1", "pve2", HOST)) {
                events.add(event(site, host(site, host, HaHostState.HEALTHY), nextTime()));
            }
            events.add(event(site, new VmState(site, Platform.PROXMOX, VM, "probe-vm", "pve1", CLUSTER, PowerState.RUNNING,
                    "running", true, "started", false), nextTime()));
            Instant time = nextTime();
            events.add(event(site, item(i, false, time), time));
        }
        return events;
    }

    /** The next probe: site by site in turn, each site alternating between its item and its host. */
    Probe next() {
        int i = nextSite;
        nextSite = (nextSite + 1) % names.size();
        String site = names.get(i);
        Instant time = nextTime();
        Kind kind = probesSent[i]++ % 2 == 0 ? Kind.REPLICATION : Kind.HA_HOST;
        if (kind == Kind.REPLICATION) {
            itemFailed[i] = !itemFailed[i];
            return new Probe(site, kind, itemFailed[i], event(site, item(i, itemFailed[i], time), time));
        }
        hostFailed[i] = !hostFailed[i];
        return new Probe(site, kind, hostFailed[i],
                event(site, host(site, HOST, hostFailed[i] ? HaHostState.FAILED : HaHostState.HEALTHY), time));
    }

    private ReplicationStatus item(int i, boolean failed, Instant time) {
        String site = names.get(i);
        String target = names.size() > 1 ? names.get((i + 1) % names.size()) : "probe-dr";
        return new ReplicationStatus(site, Platform.PROXMOX, ITEM, VM, "probe-vm", site, target, "pve1", "pve1", "pvesr",
                failed ? ReplicationState.FAILED : ReplicationState.REPLICATING,
                failed ? ReplicationHealth.WARNING : ReplicationHealth.OK, failed ? "probe failure" : "OK", LONG_SECONDS,
                time, 0L, null, failed ? 1 : 0, failed ? "probe failure" : null, false);
    }

    private static HaHost host(String site, String host, HaHostState state) {
        boolean healthy = state == HaHostState.HEALTHY;
        return new HaHost(site, Platform.PROXMOX, host, host, CLUSTER, state, healthy ? "online" : "offline",
                healthy ? "active" : "node '" + host + "' is offline", false);
    }

    private static SitewatchEvent event(String site, EventData data, Instant time) {
        return SitewatchEvent.observed(URI.create("/sitewatch/collectors/proxmox/" + site + "-probe"), time, data);
    }

    /**
     * Wall-clock time in whole milliseconds, each later than the one before: the alert times it is matched by come
     * back exactly, and no two events of an entity share a time.
     */
    private Instant nextTime() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        last = now.isAfter(last) ? now : last.plusMillis(1);
        return last;
    }
}
