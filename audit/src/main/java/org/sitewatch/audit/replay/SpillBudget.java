package org.sitewatch.audit.replay;

import java.util.concurrent.atomic.AtomicLong;
import org.sitewatch.audit.AuditException;

/**
 * The temporary disk that sorted runs may take, shared by every replay given the same budget (the REST
 * API's requests share one). A run reserves its size before it is written and gives it back when the
 * replay is closed and its files deleted; a run that does not fit fails the replay with
 * {@link AuditException.Kind#SPILL_LIMIT} naming the setting.
 */
public final class SpillBudget {

    public static final SpillBudget UNLIMITED = new SpillBudget(Long.MAX_VALUE, null);

    private final long maxBytes;
    private final String setting;
    private final AtomicLong used = new AtomicLong();

    /** @param setting the setting that chose {@code maxBytes}, named in the error */
    public SpillBudget(long maxBytes, String setting) {
        if (maxBytes < 0) {
            throw new IllegalArgumentException("a spill budget cannot be negative: " + maxBytes);
        }
        this.maxBytes = maxBytes;
        this.setting = setting;
    }

    /** @throws AuditException SPILL_LIMIT when {@code bytes} more do not fit */
    void reserve(long bytes) {
        while (true) {
            long before = used.get();
            if (bytes > maxBytes - before) {
                throw exceeded(bytes);
            }
            if (used.compareAndSet(before, before + bytes)) {
                return;
            }
        }
    }

    void release(long bytes) {
        used.addAndGet(-bytes);
    }

    /** Bytes reserved now by all replays of this budget. */
    public long used() {
        return used.get();
    }

    public long maxBytes() {
        return maxBytes;
    }

    private AuditException exceeded(long bytes) {
        return new AuditException(AuditException.Kind.SPILL_LIMIT, "sorting this replay needs more temporary disk than "
                + setting + " allows (" + maxBytes + " bytes, shared by the audit requests running at once; "
                + used.get() + " in use, the next sorted run needs " + bytes + "): ask for a shorter range or fewer "
                + "sites, retry when other audit requests are done, or use the command line ('sitewatch replay')");
    }
}
