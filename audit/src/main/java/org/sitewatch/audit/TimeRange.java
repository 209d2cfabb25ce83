package org.sitewatch.audit;

import java.time.Instant;
import java.util.Objects;

/**
 * A half-open range of event time, {@code [from, to)}: an event at exactly {@code to} belongs to the
 * next range, so consecutive daily replays neither miss nor repeat an event.
 */
public record TimeRange(Instant from, Instant to) {

    public TimeRange {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (!from.isBefore(to)) {
            throw new AuditException(AuditException.Kind.BAD_REQUEST,
                    "bad range: --from " + from + " is not before --to " + to);
        }
    }

    /** Parses both ends against one {@code now}; {@code to} defaults to now. */
    public static TimeRange parse(String from, String to, Instant now) {
        Instant f = TimeExpressions.parse(from, now, "--from");
        Instant t = to == null || to.isBlank() ? now : TimeExpressions.parse(to, now, "--to");
        return new TimeRange(f, t);
    }

    public boolean contains(Instant t) {
        return !t.isBefore(from) && t.isBefore(to);
    }

    @Override
    public String toString() {
        return "[" + from + ", " + to + ")";
    }
}
