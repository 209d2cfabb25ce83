package org.sitewatch.core.alerts;

import java.time.Instant;
import java.util.Map;

/**
 * The outcome of checking one rule on one subject at one instant.
 *
 * @param active whether the alert should be firing now
 * @param startsAt when it started (for the FIRING record), if active
 * @param endsAt when a FIRING record is sent with a known end (HaVmRestarted); else null
 * @param pendingSince when the condition was first seen true, if still waiting for its duration
 * @param dueAt the next instant the answer changes by time alone; null if only a new observation can
 * @param labels the subject's labels, without {@code alertname} and {@code severity}
 */
public record Check(boolean active, Instant startsAt, Instant endsAt, Instant pendingSince, Instant dueAt,
                    Map<String, String> labels, String summary, String description, String generatorURL) {

    /** A condition that is false and will not change with time alone. */
    public static Check inactive(Map<String, String> labels, String summary, String description, String generatorURL) {
        return new Check(false, null, null, null, null, labels, summary, description, generatorURL);
    }
}
