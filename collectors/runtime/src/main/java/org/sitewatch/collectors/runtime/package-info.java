/**
 * The vendor-neutral collector runtime: one isolated scheduler per endpoint, change detection with
 * periodic full resync, heartbeats, error classification with back-off, per-endpoint meters, and
 * publishing through an {@link org.sitewatch.collectors.runtime.EventSink}.
 *
 * <p>Guarantees beyond a plain poll loop: checkpoints read to the end before any source starts
 * ({@link org.sitewatch.collectors.runtime.Checkpoints}); event-history pages published with their
 * cursor in one Kafka transaction, and the change detector's memory checkpointed the same way, so a
 * restart neither loses, repeats nor forgets ({@link org.sitewatch.collectors.runtime.KafkaTransactions},
 * {@link org.sitewatch.collectors.runtime.PublishedStates}); partial reads that keep the unreadable
 * scope's last state ({@link org.sitewatch.collectors.runtime.UnreadableScopes}); push sources behind
 * a bounded callback queue and resynced after a failed send ({@link org.sitewatch.collectors.runtime.PushLoop});
 * HA actions retried in order from a bounded outbox ({@link org.sitewatch.collectors.runtime.Outbox}).
 */
package org.sitewatch.collectors.runtime;
