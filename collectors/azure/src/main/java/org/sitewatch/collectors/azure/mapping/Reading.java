package org.sitewatch.collectors.azure.mapping;

import java.util.Locale;
import java.util.Map;

/**
 * A vendor word read into one of our enums, with the word itself kept: an unknown or absent word
 * reads as the enum's UNKNOWN constant and {@link #raw()} still says what the vendor sent.
 *
 * @param value the known meaning, or UNKNOWN
 * @param raw the vendor's word as sent; null when absent
 */
public record Reading<E extends Enum<E>>(E value, String raw) {

    /** Looks {@code raw} up in {@code words} (keys lower-case) ignoring case and surrounding spaces. */
    static <E extends Enum<E>> Reading<E> of(String raw, Map<String, E> words, E unknown) {
        E value = raw == null ? null : words.get(raw.trim().toLowerCase(Locale.ROOT));
        return new Reading<>(value == null ? unknown : value, raw);
    }

    public boolean known() {
        return !value.name().equals("UNKNOWN");
    }
}
