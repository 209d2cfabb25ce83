package org.sitewatch.events;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.common.config.TopicConfig;

/**
 * How long the raw event topics keep events, the audit window ({@code sitewatch.topics.raw-retention}):
 * a duration such as {@code 400d}, {@code 36h}, ISO-8601 {@code P400D}, or {@code unlimited} (Kafka's
 * {@code retention.ms=-1}). The catalogue's default is {@link Topics#RAW_RETENTION}.
 *
 * <p>{@link #apply} gives the catalogue with this retention on the raw topics, for whoever creates
 * topics; topics that already exist keep their setting until changed on the broker (the audit
 * module's {@code sitewatch retention --set} does that). Immutable.
 *
 * @param duration how long records are kept; null means unlimited
 */
public record RawRetention(Duration duration) {

    /** The catalogue's default. */
    public static final RawRetention DEFAULT = new RawRetention(Topics.RAW_RETENTION);

    /** Kept until deleted by hand (Kafka {@code retention.ms=-1}). */
    public static final RawRetention UNLIMITED = new RawRetention(null);

    private static final Pattern SHORT = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)");

    public RawRetention {
        if (duration != null && (duration.isNegative() || duration.isZero())) {
            throw new IllegalArgumentException("raw retention must be positive but was " + duration);
        }
    }

    /**
     * Parses {@code unlimited} (or {@code -1}), {@code 400d}, {@code 12h}, {@code 30m}, {@code 45s},
     * {@code 500ms} or an ISO-8601 duration such as {@code P400D}.
     *
     * @throws IllegalArgumentException with the accepted forms when the text is none of them
     */
    public static RawRetention parse(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        if (t.equals("unlimited") || t.equals("-1") || t.equals("infinite")) {
            return UNLIMITED;
        }
        Matcher m = SHORT.matcher(t);
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            return new RawRetention(switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(n);
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
            });
        }
        try {
            return new RawRetention(Duration.parse(t.toUpperCase(Locale.ROOT)));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("raw retention '" + text
                    + "' is not 'unlimited' nor a duration such as 400d, 36h or P400D", e);
        }
    }

    /** From Kafka's {@code retention.ms} value ({@code -1}: unlimited). */
    public static RawRetention ofRetentionMs(long retentionMs) {
        return retentionMs < 0 ? UNLIMITED : new RawRetention(Duration.ofMillis(retentionMs));
    }

    public boolean unlimited() {
        return duration == null;
    }

    /** The topic config value: milliseconds, or {@code -1} when unlimited. */
    public String retentionMs() {
        return unlimited() ? "-1" : Long.toString(duration.toMillis());
    }

    /**
     * The given topics with this retention on those of {@link Topics#RAW}; other topics unchanged.
     * Order is kept.
     */
    public List<TopicSpec<?, ?>> apply(List<? extends TopicSpec<?, ?>> topics) {
        List<TopicSpec<?, ?>> result = new ArrayList<>(topics.size());
        for (TopicSpec<?, ?> t : topics) {
            result.add(isRaw(t) ? withRetention(t) : t);
        }
        return List.copyOf(result);
    }

    /** Whether a topic is one of the raw event topics this retention is about. */
    public static boolean isRaw(TopicSpec<?, ?> topic) {
        return Topics.RAW.stream().anyMatch(raw -> raw.name().equals(topic.name()));
    }

    private <K, V> TopicSpec<K, V> withRetention(TopicSpec<K, V> t) {
        Map<String, String> configs = new HashMap<>(t.configs());
        configs.put(TopicConfig.RETENTION_MS_CONFIG, retentionMs());
        return new TopicSpec<>(t.name(), t.keySerde(), t.valueSerde(), t.partitions(), configs);
    }

    /** {@code unlimited}, or the duration in whole days ({@code 400d}) when it is one, else ISO-8601. */
    @Override
    public String toString() {
        if (unlimited()) {
            return "unlimited";
        }
        return duration.toSeconds() % 86_400 == 0 && duration.toNanosPart() == 0
                ? duration.toDays() + "d" : duration.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RawRetention r && Objects.equals(duration, r.duration);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(duration);
    }
}
