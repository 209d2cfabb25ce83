package org.sitewatch.alerting.state;

/**
 * A change of one alert's persisted delivery state, to be written by the dispatcher thread.
 *
 * @param partition the alerts-topic partition of the fingerprint (the state goes to the same partition number)
 * @param record the new state, null when the alert is forgotten (a tombstone)
 */
public record StateWrite(String fingerprint, int partition, DeliveryRecord record) {
}
