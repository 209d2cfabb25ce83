package org.sitewatch.events;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Reads the one time format Sitewatch writes everywhere ({@code 2026-12-04T10:15:30.123Z}: UTC, 0 to 9
 * fraction digits) without the JDK's general formatter, which costs more than the rest of a small
 * record's decoding. Anything else is left to the caller's general parser ({@link #parseUtc} returns null).
 */
public final class Rfc3339 {

    private Rfc3339() {
    }

    /**
     * The instant of {@code s} when it is in the {@code yyyy-MM-ddTHH:mm:ss[.f{1,9}]Z} form; null when it
     * has another form (an offset, no seconds) or is no valid date, so the caller's general parser decides.
     */
    public static Instant parseUtc(String s) {
        int n = s.length();
        if (n < 20 || s.charAt(n - 1) != 'Z' || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T'
                || s.charAt(13) != ':' || s.charAt(16) != ':') {
            return null;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 7);
        int day = digits(s, 8, 10);
        int hour = digits(s, 11, 13);
        int minute = digits(s, 14, 16);
        int second = digits(s, 17, 19);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > 28 && day > LocalDate.of(year, month, 1).lengthOfMonth()
                || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
            return null;
        }
        int nanos = 0;
        if (n > 20) {
            int fractionDigits = n - 21;
            if (s.charAt(19) != '.' || fractionDigits < 1 || fractionDigits > 9) {
                return null;
            }
            nanos = digits(s, 20, n - 1);
            if (nanos < 0) {
                return null;
            }
            for (int i = fractionDigits; i < 9; i++) {
                nanos *= 10;
            }
        }
        long epochDay = LocalDate.of(year, month, day).toEpochDay();
        return Instant.ofEpochSecond(epochDay * 86_400 + hour * 3_600L + minute * 60L + second, nanos);
    }

    /** The decimal number in {@code s[from, to)}, or -1 when a character is not a digit. */
    private static int digits(String s, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
