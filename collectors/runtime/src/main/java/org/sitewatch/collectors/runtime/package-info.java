/**
 * The vendor-neutral collector runtime: one isolated scheduler per endpoint, change detection with
 * periodic full resync, heartbeats, error classification with back-off, per-endpoint meters, and
 * publishing through an {@link org.sitewatch.collectors.runtime.EventSink}.
 */
package org.sitewatch.collectors.runtime;
