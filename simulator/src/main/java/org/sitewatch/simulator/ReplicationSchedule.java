package org.sitewatch.simulator;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When a replication job runs. Supports only the {@code *}{@code /N} subset of PVE's systemd-calendar
 * schedules (every N minutes, N in 1..59, at minutes of the hour divisible by N, UTC; PVE uses the
 * node's local time), default {@code *}{@code /15}. The simulator-only override
 * {@code syncEverySeconds} replaces it with "every S seconds", aligned to multiples of S since the
 * epoch, so tests and demos need not wait minutes.
 */
public final class ReplicationSchedule {

    /** PVE's default when a job has no explicit schedule. */
    public static final String DEFAULT_EXPRESSION = "*/15";

    private static final Pattern EVERY_N_MINUTES = Pattern.compile("\\*/(\\d{1,2})");

    private final int minutes;
    private final Integer everySeconds;

    private ReplicationSchedule(int minutes, Integer everySeconds) {
        this.minutes = minutes;
        this.everySeconds = everySeconds;
    }

    /**
     * @param expression   a {@code *}{@code /N} expression, or null for the PVE default
     * @param everySeconds the simulator-only override, or null
     * @throws IllegalArgumentException when the expression is not supported
     */
    public static ReplicationSchedule of(String expression, Integer everySeconds) {
        String expr = expression == null ? DEFAULT_EXPRESSION : expression.trim();
        Matcher m = EVERY_N_MINUTES.matcher(expr);
        if (!m.matches()) {
            throw new IllegalArgumentException("unsupported schedule '" + expression
                    + "': only '*/N' (every N minutes) is supported");
        }
        int n = Integer.parseInt(m.group(1));
        if (n < 1 || n > 59) {
            throw new IllegalArgumentException("schedule '" + expression + "': N must be 1..59");
        }
        if (everySeconds != null && everySeconds < 1) {
            throw new IllegalArgumentException("syncEverySeconds must be at least 1");
        }
        return new ReplicationSchedule(n, everySeconds);
    }

    /**
     * The nominal time between runs in seconds: S for {@code syncEverySeconds}, else N minutes (the
     * last gap of an hour is shorter when N does not divide 60).
     */
    public long intervalSeconds() {
        return everySeconds != null ? everySeconds : minutes * 60L;
    }

    /** The first run time strictly after {@code epochSecond}. */
    public long nextAfter(long epochSecond) {
        if (everySeconds != null) {
            return Math.floorDiv(epochSecond, everySeconds) * everySeconds + everySeconds;
        }
        long hour = Math.floorDiv(epochSecond, 3600) * 3600;
        for (long h = hour; ; h += 3600) {
            for (int m = 0; m < 60; m += minutes) {
                long candidate = h + m * 60L;
                if (candidate > epochSecond) {
                    return candidate;
                }
            }
        }
    }

    /** The last run time at or before {@code epochSecond}. */
    public long previousOrAt(long epochSecond) {
        if (everySeconds != null) {
            return Math.floorDiv(epochSecond, everySeconds) * everySeconds;
        }
        long best = Long.MIN_VALUE;
        long hour = Math.floorDiv(epochSecond, 3600) * 3600;
        for (long h = hour - 3600; h <= hour; h += 3600) {
            for (int m = 0; m < 60; m += minutes) {
                long candidate = h + m * 60L;
                if (candidate <= epochSecond) {
                    best = Math.max(best, candidate);
                }
            }
        }
        return best;
    }
}
