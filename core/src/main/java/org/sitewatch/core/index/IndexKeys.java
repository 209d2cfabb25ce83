package org.sitewatch.core.index;

import java.time.Instant;

/**
 * Keys of the lag indexes kept next to the site and pair aggregates:
 * {@code <owner>|<family>|<epoch millis, zero-padded to 19 digits>|<item subject>}, where the owner is a
 * site or a pair key and the family is {@value #RECOVERY} (last recovery points) or {@value #TEST}
 * (last test failovers). Padded digits sort as numbers in the store's byte order, so the oldest
 * recovery point of a site is the first key under {@code <site>|R|}, the newest test failover of a
 * pair the last key under {@code <pair>|T|}, and the p95 lag is a short walk from the start. Site
 * names and pair keys hold no {@code |}, so owners never overlap.
 */
public final class IndexKeys {

    public static final String RECOVERY = "R";
    public static final String TEST = "T";
    private static final int DIGITS = 19;

    private IndexKeys() {
    }

    public static String of(String owner, String family, Instant at, String subject) {
        return prefix(owner, family) + paddedMillis(Math.max(0, at.toEpochMilli())) + "|" + subject;
    }

    /**
     * {@code millis} as 19 digits, zero-padded on the left, so keys sort by time in byte order ({@code
     * String.format("%019d")} gives the same, at several times the cost, on every index and deadline move).
     *
     * @throws IllegalArgumentException for a negative value, which has no sortable form here
     */
    public static String paddedMillis(long millis) {
        if (millis < 0) {
            throw new IllegalArgumentException("no sortable key for a negative time: " + millis);
        }
        char[] digits = new char[DIGITS];
        long rest = millis;
        for (int i = DIGITS - 1; i >= 0; i--) {
            digits[i] = (char) ('0' + rest % 10);
            rest /= 10;
        }
        return new String(digits);
    }

    /** Every key of one owner and family starts with this. */
    public static String prefix(String owner, String family) {
        return owner + "|" + family + "|";
    }

    /** A key above every key starting with {@code prefix}: each continues with a digit, and ':' sorts right after '9'. */
    public static String upperBound(String prefix) {
        return prefix + ":";
    }

    /** The instant encoded in a key made by {@link #of}. */
    public static Instant instantOf(String key, String owner, String family) {
        int from = prefix(owner, family).length();
        return Instant.ofEpochMilli(Long.parseLong(key.substring(from, from + DIGITS)));
    }

    /** The item subject encoded in a key made by {@link #of}. */
    public static String subjectOf(String key, String owner, String family) {
        return key.substring(prefix(owner, family).length() + DIGITS + 1);
    }
}
