package org.sitewatch.collectors.hyperv;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;

/**
 * A vendor enum value read from JSON: the member when the name or the integer code is known, and
 * always the vendor's word as sent (the name, or the number as text) so that an unknown value
 * can travel raw beside an UNKNOWN mapping.
 *
 * @param known the member; null when the word is unknown or absent
 * @param raw the vendor's word as sent (for a known code, the member's name); null when absent
 */
record PsWord<E extends Enum<E> & Coded>(E known, String raw) {

    static <E extends Enum<E> & Coded> PsWord<E> read(JsonNode node, Class<E> type) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return new PsWord<>(null, null);
        }
        if (node.isIntegralNumber()) {
            return byCode(node.asLong(), type, node.asText());
        }
        String text = node.asText().trim();
        if (text.isEmpty()) {
            return new PsWord<>(null, null);
        }
        if (text.matches("-?\\d+")) {
            return byCode(Long.parseLong(text), type, text);
        }
        String wanted = text.replace(" ", "").toLowerCase(Locale.ROOT);
        for (E member : type.getEnumConstants()) {
            if (member.name().toLowerCase(Locale.ROOT).equals(wanted)) {
                return new PsWord<>(member, member.name());
            }
        }
        return new PsWord<>(null, text);
    }

    private static <E extends Enum<E> & Coded> PsWord<E> byCode(long code, Class<E> type, String raw) {
        for (E member : type.getEnumConstants()) {
            if (member.code() == code) {
                return new PsWord<>(member, member.name());
            }
        }
        return new PsWord<>(null, raw);
    }

    boolean is(E member) {
        return known == member;
    }
}
