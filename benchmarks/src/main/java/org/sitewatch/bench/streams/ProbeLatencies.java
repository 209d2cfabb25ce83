package org.sitewatch.bench.streams;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import org.sitewatch.events.Alert;
import org.sitewatch.events.SiteHealthView;

/**
 * Matches what the app publishes back to the probe that caused it and keeps the delays, from the probe being handed
 * to the producer to the record being received by a read_committed consumer (so a delay includes the producer's
 * linger, the app's processing and its transaction commit). Probes are told from the sending thread; views and
 * alerts from one consumer thread each.
 */
final class ProbeLatencies {

    private record Sent(boolean raises, long nanos) {
    }

    private final ProbeSites sites;
    /** Per {@code site|kind}, the probes whose view change has not come yet, in sending order. */
    private final Map<String, Queue<Sent>> viewsPending = new ConcurrentHashMap<>();
    /** Per alert key, when the probe that should cause it was sent. */
    private final Map<String, Long> alertsPending = new ConcurrentHashMap<>();
    private final Queue<Double> viewMillis = new ConcurrentLinkedQueue<>();
    private final Queue<Double> alertMillis = new ConcurrentLinkedQueue<>();
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong unexpectedViews = new AtomicLong();
    /** The FAILED counts (items, hosts) of each probe site's last view; consumer thread only. */
    private final Map<String, long[]> lastFailedCounts = new HashMap<>();
    private volatile boolean measuring;

    ProbeLatencies(ProbeSites sites) {
        this.sites = sites;
    }

    /** From now on probes are sent; views seen before only set each site's starting counts. */
    void startMeasuring() {
        measuring = true;
    }

    /** Called just before the probe is handed to the producer. */
    void sent(ProbeSites.Probe probe, long nanos) {
        viewsPending.computeIfAbsent(probe.site() + "|" + probe.kind(), k -> new ConcurrentLinkedQueue<>())
                .add(new Sent(probe.raises(), nanos));
        alertsPending.put(probe.alertKey(), nanos);
        sent.incrementAndGet();
    }

    void viewReceived(SiteHealthView view, long nanos) {
        if (view == null || !sites.isProbeSite(view.site())) {
            return;
        }
        long[] now = {failed(view.counts().replication().byState()), failed(view.counts().haHosts().byState())};
        long[] before = lastFailedCounts.getOrDefault(view.site(), new long[2]);
        lastFailedCounts.put(view.site(), now);
        if (!measuring) {
            return;
        }
        match(view.site(), ProbeSites.Kind.REPLICATION, now[0] - before[0], nanos);
        match(view.site(), ProbeSites.Kind.HA_HOST, now[1] - before[1], nanos);
    }

    private void match(String site, ProbeSites.Kind kind, long change, long nanos) {
        Queue<Sent> pending = viewsPending.getOrDefault(site + "|" + kind, new ConcurrentLinkedQueue<>());
        for (long i = 0; i < Math.abs(change); i++) {
            Sent probe = pending.poll();
            if (probe == null || probe.raises() != change > 0) {
                unexpectedViews.incrementAndGet();
            } else {
                viewMillis.add((nanos - probe.nanos()) / 1e6);
            }
        }
    }

    void alertReceived(Alert alert, long nanos) {
        if (alert == null || !sites.isProbeSite(alert.site())) {
            return;
        }
        for (ProbeSites.Kind kind : ProbeSites.Kind.values()) {
            if (kind.alertname.equals(alert.alertname())) {
                Instant at = alert.endsAt() != null ? alert.endsAt() : alert.startsAt();
                Long sentNanos = alertsPending.remove(ProbeSites.alertKey(kind.alertname, alert.site(),
                        alert.labels().get(kind.entityLabel), alert.state(), at));
                if (sentNanos != null) {
                    alertMillis.add((nanos - sentNanos) / 1e6);
                }
            }
        }
    }

    long sent() {
        return sent.get();
    }

    long viewsMatched() {
        return viewMillis.size();
    }

    long alertsMatched() {
        return alertMillis.size();
    }

    long unexpectedViews() {
        return unexpectedViews.get();
    }

    boolean allMatched() {
        return viewsMatched() + unexpectedViews() >= sent() && alertsMatched() >= sent();
    }

    /**
     * The view delays; a probe still without its view at {@code cutoffNanos} counts with its wait so far, a lower
     * bound of its delay, so a slow tail is not left out of p99 and max.
     */
    Percentiles views(long cutoffNanos) {
        return withWaiting(viewMillis, viewsPending.values().stream().flatMap(Queue::stream).mapToLong(Sent::nanos).toArray(),
                cutoffNanos);
    }

    /** The alert delays, likewise. */
    Percentiles alerts(long cutoffNanos) {
        return withWaiting(alertMillis, alertsPending.values().stream().mapToLong(Long::longValue).toArray(), cutoffNanos);
    }

    long viewsWaiting() {
        return viewsPending.values().stream().mapToLong(Queue::size).sum();
    }

    long alertsWaiting() {
        return alertsPending.size();
    }

    private static Percentiles withWaiting(Queue<Double> matched, long[] waitingSince, long cutoffNanos) {
        double[] all = new double[matched.size() + waitingSince.length];
        int i = 0;
        for (double ms : matched) {
            all[i++] = ms;
        }
        for (long since : waitingSince) {
            all[i++] = (cutoffNanos - since) / 1e6;
        }
        return Percentiles.of(java.util.Arrays.copyOf(all, i));
    }

    private static long failed(Map<String, Long> byState) {
        return byState == null ? 0 : byState.getOrDefault("FAILED", 0L);
    }
}
