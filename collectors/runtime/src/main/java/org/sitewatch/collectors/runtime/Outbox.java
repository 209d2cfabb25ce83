package org.sitewatch.collectors.runtime;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.sitewatch.events.SitewatchEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One endpoint's outbox for one-off events (HA actions): unlike states, which the next resync
 * republishes, an HA action that fails to send would be lost, and those fail exactly when Kafka
 * is unavailable during a site incident. Events are sent one at a time, in order; one that fails
 * stays at the head and is retried ({@link #retry()}, every poll cycle or heartbeat) before any
 * newer one, so the order of a VM's fence, recovery and restart is kept.
 *
 * <p>Bounded: when {@code capacity} events wait, newer ones are refused (counted in
 * {@value CollectorMetrics#OUTBOX_DROPPED} and logged), so what reaches Kafka is an unbroken
 * prefix of what happened. Limits: in memory only, so events still waiting when the process stops
 * are lost (an event-history source does not need the outbox: its cursor is checkpointed).
 * Thread-safe: sends complete on the sink's threads.
 */
final class Outbox {

    private static final Logger log = LoggerFactory.getLogger(Outbox.class);

    private final String endpointId;
    private final int capacity;
    private final Function<SitewatchEvent, CompletableFuture<Void>> send;
    private final CollectorMetrics metrics;
    private final Deque<SitewatchEvent> pending = new ArrayDeque<>();
    private boolean inFlight;
    private boolean full;

    /** @param send publishes one event; the future says whether it was stored */
    Outbox(String endpointId, int capacity, Function<SitewatchEvent, CompletableFuture<Void>> send,
           CollectorMetrics metrics) {
        this.endpointId = endpointId;
        this.capacity = capacity;
        this.send = send;
        this.metrics = metrics;
    }

    /** Queues the events behind any still waiting and sends what it can. */
    synchronized void add(List<SitewatchEvent> events) {
        int refused = 0;
        for (SitewatchEvent event : events) {
            if (pending.size() < capacity) {
                pending.addLast(event);
            } else {
                refused++;
            }
        }
        if (refused > 0 && !full) {
            log.warn("collector {}: the outbox is full ({} events wait to be sent); {} newer HA action(s) dropped, "
                    + "further drops are counted in {}", endpointId, capacity, refused, CollectorMetrics.OUTBOX_DROPPED);
        }
        full = refused > 0;
        metrics.outbox(pending.size(), refused);
        pump();
    }

    /** Sends again what is waiting, oldest first; nothing happens while a send is in flight. */
    synchronized void retry() {
        pump();
    }

    synchronized int size() {
        return pending.size();
    }

    private void pump() {
        while (!inFlight && !pending.isEmpty()) {
            SitewatchEvent head = pending.peekFirst();
            inFlight = true;
            CompletableFuture<Void> result;
            try {
                result = send.apply(head);
            } catch (RuntimeException e) {
                result = CompletableFuture.failedFuture(e);
            }
            if (!result.isDone()) {
                result.whenComplete((ok, error) -> settled(head, error == null, true));
                return;
            }
            if (!settled(head, !result.isCompletedExceptionally(), false)) {
                return;
            }
        }
    }

    /** Records a send's outcome; true when the next event may go. */
    private synchronized boolean settled(SitewatchEvent head, boolean stored, boolean async) {
        inFlight = false;
        if (!stored) {
            // Stays at the head: retried before anything newer.
            return false;
        }
        if (pending.peekFirst() == head) {
            pending.removeFirst();
        }
        if (pending.size() < capacity) {
            full = false;
        }
        metrics.outbox(pending.size(), 0);
        if (async) {
            pump();
        }
        return true;
    }
}
