package org.sitewatch.testsupport.fuzz;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Mutants of a real text answer that is no JSON (a SOAP envelope, command output): 1 to 4
 * {@link Edit}s, each placed by a position jqwik can shrink. Where an edit replaces an element's
 * text it puts one of {@link OddValues}, XML-escaped half of the time, so the answer still parses
 * and the odd value reaches the mapper.
 */
public final class TextMutations {

    /** One edit of the text at {@code where} (modulo its length). */
    public record Edit(Kind kind, int where, int amount, String text) {
    }

    /** What an edit does. */
    public enum Kind {
        /** cut the text there */
        TRUNCATE,
        /** insert the odd text there */
        INSERT,
        /** delete {@code amount % 64} characters from there */
        DELETE,
        /** repeat the next {@code amount % 256} characters */
        DUPLICATE,
        /** replace the next element text ({@code >...<}) with the odd text */
        REPLACE_VALUE,
        /** open and close {@code amount} (1..20,000) elements there */
        NEST
    }

    private static final Arbitrary<List<Edit>> EDITS = Combinators.combine(
            Arbitraries.frequencyOf(
                    net.jqwik.api.Tuple.of(1, Arbitraries.just(Kind.TRUNCATE)),
                    net.jqwik.api.Tuple.of(2, Arbitraries.just(Kind.INSERT)),
                    net.jqwik.api.Tuple.of(2, Arbitraries.just(Kind.DELETE)),
                    net.jqwik.api.Tuple.of(1, Arbitraries.just(Kind.DUPLICATE)),
                    net.jqwik.api.Tuple.of(6, Arbitraries.just(Kind.REPLACE_VALUE)),
                    net.jqwik.api.Tuple.of(1, Arbitraries.just(Kind.NEST))),
            Arbitraries.integers().between(0, 1_000_000), Arbitraries.integers().between(0, 1_000_000),
            OddValues.strings()).as(Edit::new).list().ofMinSize(1).ofMaxSize(4);

    private TextMutations() {
    }

    /** 1 to 4 edits. */
    public static Arbitrary<List<Edit>> edits() {
        return EDITS;
    }

    /** {@code seed} after the edits. */
    public static String apply(String seed, List<Edit> edits) {
        String text = seed;
        for (Edit e : edits) {
            int at = text.isEmpty() ? 0 : e.where() % text.length();
            text = switch (e.kind()) {
                case TRUNCATE -> text.substring(0, at);
                case INSERT -> text.substring(0, at) + e.text() + text.substring(at);
                case DELETE -> text.substring(0, at) + text.substring(Math.min(text.length(), at + e.amount() % 64));
                case DUPLICATE -> text.substring(0, Math.min(text.length(), at + e.amount() % 256)) + text.substring(at);
                case REPLACE_VALUE -> replaceValue(text, at, e.amount() % 2 == 0 ? escaped(e.text()) : e.text());
                case NEST -> {
                    int depth = 1 + e.amount() % 20_000;
                    yield text.substring(0, at) + "<n>".repeat(depth) + "</n>".repeat(depth) + text.substring(at);
                }
            };
        }
        return text;
    }

    private static String replaceValue(String text, int from, String value) {
        int open = text.indexOf('>', from);
        int close = open < 0 ? -1 : text.indexOf('<', open);
        return close < 0 ? text : text.substring(0, open + 1) + value + text.substring(close);
    }

    private static String escaped(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
