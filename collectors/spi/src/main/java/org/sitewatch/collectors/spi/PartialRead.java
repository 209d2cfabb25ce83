package org.sitewatch.collectors.spi;

import java.util.Objects;
import org.sitewatch.collectors.spi.settings.Redactor;
import org.sitewatch.events.EventType;

/**
 * "Entities of {@code type} in {@code scope} could not be read, because {@code reason}": part of a
 * poll that failed while the rest succeeded. What was read is published; entities in the scope keep
 * their last published state (not updated, not reported removed); the heartbeat names the scope and
 * the site turns DEGRADED with it. A vendor API that does not exist on this version (HTTP 404 or
 * 501) is reported this way too, rather than failing the poll.
 *
 * @param reason why, in words (the vendor's status and message); passed through {@link Redactor}, so a
 *     URL or a quoted answer in it keeps no credential
 */
public record PartialRead(EventType type, Scope scope, String reason) {

    public PartialRead {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(scope, "scope");
        reason = Redactor.redact(Objects.requireNonNull(reason, "reason"));
    }

    /** The failure's own message as the reason. */
    public static PartialRead of(EventType type, Scope scope, CollectorException cause) {
        return new PartialRead(type, scope, cause.getMessage());
    }
}
