package org.sitewatch.streams.topology;

import java.time.Instant;
import org.sitewatch.core.index.IndexKeys;

/**
 * Keys of a deadline index: {@code <epoch millis, zero-padded to 19 digits>|<entity key>}. Padded
 * digits sort as numbers in the store's byte order, so "everything due by now" is one range scan.
 */
final class DeadlineKeys {

    static final String FIRST = pad(0);

    private DeadlineKeys() {
    }

    static String of(Instant deadline, String entityKey) {
        return pad(deadline.toEpochMilli()) + "|" + entityKey;
    }

    /** Upper bound (inclusive) of a scan for deadlines at or before {@code now}. */
    static String dueBy(Instant now) {
        // "<now+1>" alone sorts after every "<now>|key" and before every "<now+1>|key".
        return pad(now.toEpochMilli() + 1);
    }

    private static String pad(long millis) {
        return IndexKeys.paddedMillis(Math.max(0, millis));
    }
}
