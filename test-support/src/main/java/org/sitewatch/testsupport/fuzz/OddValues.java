package org.sitewatch.testsupport.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/**
 * The values a vendor answer or a producer can carry that a mapper may not expect: extreme and
 * NaN-like numbers, invalid timestamps, odd Unicode (lone surrogates, RTL and zero-width marks, NUL,
 * non-ASCII digits), empty and long strings, and values of the wrong JSON type. Each list starts
 * with its simplest value, so jqwik shrinks towards it.
 */
public final class OddValues {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** Text that looks like a number but is none, or is one no long/double can hold. */
    public static final List<String> NUMBER_LIKE = List.of("", "NaN", "Infinity", "-Infinity", "1e309", "-1e309",
            "1e-400", "-0", "-1", "0x10", "1_000", "9223372036854775808", "-9223372036854775809",
            "99999999999999999999999999999999", "1.5", " 12 ", "١٢٣" /* Arabic-Indic digits */, "12abc", "+-3");

    /** Timestamps that are no valid instant, or lie outside what {@code Instant} can hold. */
    public static final List<String> TIMESTAMPS = List.of("", "0", "-1", "2026-13-45T25:61:61Z",
            "2026-02-30T10:00:00Z", "2026-12-05T10:00:00", "2026-12-05T10:00:00+25:00", "2026-12-05 10:00:00",
            "+1000000000-01-01T00:00:00Z", "-999999999-01-01T00:00:00Z", "9999-12-31T23:59:60Z",
            "2026-12-05T10:00:00.1234567890Z", "/Date(1733392800000)/", "/Date(-99999999999999999999)/",
            "/Date(abc)/", "/Date(1733392800000+0100)/", "20261205T100000Z", "1733392800", "1e309", "Dec 5, 2026");

    /** Strings with odd Unicode and odd shapes. */
    public static final List<String> STRINGS = List.of("", " ", "\u0000", "a\u0000b", "\uD800", "\uDC00x",
            "\u202Eevil\u202C", "\u200Bpve1", "pve1\u200D", "\uFEFF", "e\u0301", "\uD83D\uDD25", "null", "true",
            "[]", "{}", "\n\t\r", "../../etc/passwd", "a/b", "%s%n", "<![CDATA[x]]>", "&amp;", "'\"",
            "x".repeat(5000), "\u0645\u0631\u062D\u0628\u0627", "\uFFFF", "\u00A0", "\\u0000");

    private OddValues() {
    }

    /** Any odd string: odd text, number-like text or an invalid timestamp. */
    public static Arbitrary<String> strings() {
        return Arbitraries.oneOf(Arbitraries.of(STRINGS), Arbitraries.of(NUMBER_LIKE), Arbitraries.of(TIMESTAMPS),
                Arbitraries.strings().all().ofMaxLength(12));
    }

    /** Numbers at and beyond the edges of int, long and double. */
    public static Arbitrary<JsonNode> numbers() {
        return Arbitraries.of(List.of(
                NODES.numberNode(0), NODES.numberNode(-1), NODES.numberNode(Integer.MAX_VALUE + 1L),
                NODES.numberNode(Long.MAX_VALUE), NODES.numberNode(Long.MIN_VALUE),
                NODES.numberNode(new BigInteger("9".repeat(40))), NODES.numberNode(new BigInteger("-" + "9".repeat(40))),
                NODES.numberNode(new BigDecimal("1e309")), NODES.numberNode(new BigDecimal("-1e309")),
                NODES.numberNode(new BigDecimal("1e-400")), NODES.numberNode(-0.0), NODES.numberNode(0.5),
                NODES.numberNode(Double.MAX_VALUE), NODES.numberNode(-Double.MAX_VALUE),
                NODES.numberNode(1e18), NODES.numberNode(-1e18), NODES.numberNode(new BigInteger("9".repeat(300)))));
    }

    /** Any odd JSON value, of any type: a wrong type where a mapper expects another. */
    public static Arbitrary<JsonNode> values() {
        Arbitrary<JsonNode> texts = strings().map(NODES::textNode);
        Arbitrary<JsonNode> scalars = Arbitraries.oneOf(texts, numbers(),
                Arbitraries.of(NODES.nullNode(), NODES.booleanNode(true), NODES.booleanNode(false)));
        Arbitrary<JsonNode> containers = scalars.list().ofMaxSize(3).map(OddValues::arrayOf)
                .flatMap(array -> Arbitraries.of(array, objectOf(array)));
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(1, Arbitraries.of(NODES.nullNode())),
                net.jqwik.api.Tuple.of(6, scalars),
                net.jqwik.api.Tuple.of(2, containers));
    }

    private static JsonNode arrayOf(List<JsonNode> items) {
        return NODES.arrayNode().addAll(items);
    }

    private static JsonNode objectOf(JsonNode array) {
        var object = NODES.objectNode();
        for (int i = 0; i < array.size(); i++) {
            object.set("k" + i, array.get(i));
        }
        return object;
    }
}
