package org.sitewatch.core.alerts;

import org.sitewatch.events.Alert;

/**
 * The result of applying a {@link Check}: the memory to store and the record to send, if any.
 *
 * @param emitted the FIRING or RESOLVED record to send; null when nothing changed for the receivers
 */
public record Transition(AlertRule rule, AlertMemory memory, Alert emitted) {
}
