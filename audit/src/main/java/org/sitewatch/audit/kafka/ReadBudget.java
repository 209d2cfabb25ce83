package org.sitewatch.audit.kafka;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.sitewatch.audit.AuditDurations;
import org.sitewatch.audit.AuditException;

/**
 * How long one audit request may go on reading, and whether anyone still waits for its answer. Every
 * poll loop of a read calls {@link #check()} (a poll returns within 200 ms), so a request past its
 * deadline, or whose client went away, stops reading Kafka within a poll and frees what it holds. The
 * client is asked at most every {@value #PROBE_MILLIS} ms. The command line reads {@link #UNLIMITED}.
 * Checked by the request's own thread only.
 */
public final class ReadBudget {

    public static final ReadBudget UNLIMITED = new ReadBudget(null, null, () -> false);

    static final long PROBE_MILLIS = 500;

    private final Duration limit;
    private final String setting;
    private final long deadlineNanos;
    private final BooleanSupplier clientGone;
    private long nextProbe;

    private ReadBudget(Duration limit, String setting, BooleanSupplier clientGone) {
        this.limit = limit;
        this.setting = setting;
        long now = System.nanoTime();
        this.deadlineNanos = limit == null ? 0 : now + limit.toNanos();
        this.clientGone = clientGone;
        this.nextProbe = now;
    }

    /**
     * @param limit how long the request may take from now
     * @param setting the setting that chose the limit, named in the error
     * @param clientGone whether the client closed its connection
     */
    public static ReadBudget of(Duration limit, String setting, BooleanSupplier clientGone) {
        return new ReadBudget(limit, setting, clientGone);
    }

    /**
     * @throws AuditException INCOMPLETE past the deadline, naming the setting; CANCELLED when the
     *     client went away
     */
    public void check() {
        if (limit == null) {
            return;
        }
        long now = System.nanoTime();
        if (now - deadlineNanos > 0) {
            throw new AuditException(AuditException.Kind.INCOMPLETE, "the audit request did not finish within "
                    + AuditDurations.format(limit) + " (" + setting + "), so it was stopped rather than answered "
                    + "incompletely: ask for a shorter range or fewer sites, or use the command line "
                    + "('sitewatch replay', 'sitewatch state'), which has no deadline");
        }
        if (now - nextProbe >= 0) {
            nextProbe = now + PROBE_MILLIS * 1_000_000;
            if (clientGone.getAsBoolean()) {
                throw new AuditException(AuditException.Kind.CANCELLED, "the client closed the connection; the audit request was stopped");
            }
        }
    }

    /** Time left before the deadline (never negative); null when unlimited. */
    public Duration remaining() {
        return limit == null ? null : Duration.ofNanos(Math.max(0, deadlineNanos - System.nanoTime()));
    }
}
