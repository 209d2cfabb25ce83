package org.sitewatch.testsupport.fuzz;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamWriteConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Mutants of real JSON documents (a vendor's answers in a collector's fixtures, an event's data), so
 * a fuzz try gets past the first "is this an object" check and deep into a mapper: 1 to 4
 * {@link JsonMutation}s applied to copies of the seeds, then each document written as text and read
 * back the way {@code JsonHttpClient} reads an answer. A document whose text no longer parses (a
 * truncation that could not be closed, nesting past Jackson's depth limit) comes out as null: the
 * client fails such an answer as MALFORMED before any mapper sees it.
 */
public final class JsonMutations {

    /** Read like JsonHttpClient reads an answer: a default ObjectMapper's tree. */
    private static final ObjectMapper READER = new ObjectMapper();
    /** Writes nesting deeper than the reader's limit, so that limit is what the fuzz meets. */
    private static final ObjectMapper WRITER = new ObjectMapper(JsonFactory.builder()
            .streamWriteConstraints(StreamWriteConstraints.builder().maxNestingDepth(10_000).build()).build());
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private JsonMutations() {
    }

    /** The mutants of {@code seeds} (one poll's documents, all mutated together). */
    public static Arbitrary<JsonMutant> of(List<JsonNode> seeds) {
        return mutations().map(list -> apply(seeds, list));
    }

    /** The mutants of one of several seed sets (e.g. one per fixture). */
    public static Arbitrary<JsonMutant> ofAny(List<List<JsonNode>> seedSets) {
        return Arbitraries.of(seedSets).flatMap(JsonMutations::of);
    }

    private static final Arbitrary<List<JsonMutation>> MUTATIONS = buildMutations();

    /** 1 to 4 mutations. */
    public static Arbitrary<List<JsonMutation>> mutations() {
        return MUTATIONS;
    }

    private static Arbitrary<List<JsonMutation>> buildMutations() {
        Arbitrary<JsonMutation.Kind> kinds = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, Arbitraries.just(JsonMutation.Kind.REPLACE)),
                net.jqwik.api.Tuple.of(2, Arbitraries.just(JsonMutation.Kind.REMOVE)),
                net.jqwik.api.Tuple.of(2, Arbitraries.just(JsonMutation.Kind.SPLICE)),
                net.jqwik.api.Tuple.of(4, Arbitraries.just(JsonMutation.Kind.EDIT_TEXT)),
                net.jqwik.api.Tuple.of(1, Arbitraries.just(JsonMutation.Kind.NEST)),
                net.jqwik.api.Tuple.of(1, Arbitraries.just(JsonMutation.Kind.DUPLICATE)),
                net.jqwik.api.Tuple.of(1, Arbitraries.just(JsonMutation.Kind.TRUNCATE)));
        Arbitrary<JsonMutation> one = Combinators.combine(kinds, Arbitraries.integers().between(0, 100_000),
                OddValues.values(), Arbitraries.integers().between(0, 100_000)).as(JsonMutation::new);
        return one.list().ofMinSize(1).ofMaxSize(4);
    }

    /** Applies {@code mutations} to deep copies of {@code seeds}, then writes and re-reads each changed document. */
    public static JsonMutant apply(List<JsonNode> seeds, List<JsonMutation> mutations) {
        List<JsonNode> docs = new ArrayList<>();
        seeds.forEach(s -> docs.add(s == null ? null : s.deepCopy()));
        String[] unparsed = new String[docs.size()];
        boolean[] touched = new boolean[docs.size()];
        for (JsonMutation m : mutations) {
            mutate(docs, unparsed, touched, m);
        }
        List<JsonNode> read = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        List<Boolean> changed = new ArrayList<>();
        boolean readable = true;
        for (int i = 0; i < docs.size(); i++) {
            JsonNode doc = docs.get(i);
            if (!touched[i]) { // as the seed: no need to write and read it again
                read.add(seeds.get(i));
                texts.add(doc == null ? null : "(as the seed)");
                changed.add(false);
                continue;
            }
            String text = unparsed[i] != null ? unparsed[i] : doc == null ? null : write(doc);
            JsonNode tree = text == null ? null : read(text);
            readable &= text == null || tree != null;
            texts.add(text);
            read.add(tree);
            changed.add(true);
        }
        return new JsonMutant(read, texts, changed, readable, mutations);
    }

    /** The tree of {@code text} as the client reads it, or null when it is not JSON. */
    public static JsonNode read(String text) {
        try {
            JsonNode tree = READER.readTree(text);
            return tree == null || tree.isMissingNode() ? null : tree;
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private static String write(JsonNode doc) {
        try {
            return WRITER.writeValueAsString(doc);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a mutant", e);
        }
    }

    /** A node, where it hangs and in which document. */
    private record Place(JsonNode node, JsonNode parent, String field, int index, int doc) {
    }

    private static void mutate(List<JsonNode> docs, String[] unparsed, boolean[] touched, JsonMutation m) {
        List<Place> places = new ArrayList<>();
        for (int d = 0; d < docs.size(); d++) {
            if (docs.get(d) != null) {
                collect(docs.get(d), null, null, -1, d, places);
            }
        }
        if (places.isEmpty()) {
            return;
        }
        Place at = places.get(m.where() % places.size());
        touched[at.doc()] = true;
        switch (m.kind()) {
            case REPLACE -> put(docs, at, m.value().deepCopy());
            case REMOVE -> remove(docs, at);
            case SPLICE -> put(docs, at, places.get(m.amount() % places.size()).node().deepCopy());
            case EDIT_TEXT -> put(docs, at, edited(at.node(), m));
            case NEST -> put(docs, at, nested(at.node(), 1 + m.amount() % 1200));
            case DUPLICATE -> duplicate(at, 1 + m.amount() % 50);
            case TRUNCATE -> {
                String text = write(docs.get(at.doc()));
                String cut = closeTruncated(text.substring(0, m.amount() % Math.max(1, text.length())));
                JsonNode tree = read(cut);
                docs.set(at.doc(), tree);
                unparsed[at.doc()] = tree == null ? cut : null;
            }
            default -> throw new IllegalStateException("unknown mutation " + m.kind());
        }
    }

    private static void collect(JsonNode node, JsonNode parent, String field, int index, int doc, List<Place> out) {
        out.add(new Place(node, parent, field, index, doc));
        if (node.isObject()) {
            List<String> names = new ArrayList<>();
            node.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                collect(node.get(name), node, name, -1, doc, out);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collect(node.get(i), node, null, i, doc, out);
            }
        }
    }

    private static void put(List<JsonNode> docs, Place at, JsonNode value) {
        if (at.parent() == null) {
            docs.set(at.doc(), value);
        } else if (at.parent() instanceof ObjectNode object) {
            object.set(at.field(), value);
        } else {
            ((ArrayNode) at.parent()).set(at.index(), value);
        }
    }

    private static void remove(List<JsonNode> docs, Place at) {
        if (at.parent() == null) {
            docs.set(at.doc(), NODES.nullNode());
        } else if (at.parent() instanceof ObjectNode object) {
            object.remove(at.field());
        } else {
            ((ArrayNode) at.parent()).remove(at.index());
        }
    }

    private static void duplicate(Place at, int times) {
        if (at.parent() instanceof ArrayNode array) {
            for (int i = 0; i < times; i++) {
                array.add(at.node().deepCopy());
            }
        }
    }

    private static final List<Function<String, String>> TEXT_EDITS = List.of(
            s -> s + " ",
            s -> s.toUpperCase(Locale.ROOT),
            s -> s.substring(0, s.length() / 2),
            s -> "\u200B" + s,
            s -> s + s,
            s -> s.replace('-', '\u2011'));

    /** A small change of a value's text, or of its type only. */
    private static JsonNode edited(JsonNode node, JsonMutation m) {
        if (node.isTextual()) {
            String s = node.textValue();
            JsonNode asNumber = read(s.trim());
            if (m.amount() % 3 == 0 && asNumber != null && asNumber.isNumber()) {
                return asNumber; // "12" sent as 12
            }
            if (m.amount() % 5 == 0) {
                return NODES.textNode(s + m.value().asText()); // odd text appended
            }
            return NODES.textNode(TEXT_EDITS.get(m.amount() % TEXT_EDITS.size()).apply(s));
        }
        if (node.isValueNode()) {
            return NODES.textNode(node.asText()); // 12 sent as "12", true as "true"
        }
        return node.isArray() && node.size() > 0 ? node.get(0) : NODES.arrayNode().add(node); // one for a list, a list for one
    }

    private static JsonNode nested(JsonNode node, int depth) {
        JsonNode n = node;
        for (int i = 0; i < depth; i++) {
            n = i % 2 == 0 ? NODES.arrayNode().add(n) : NODES.objectNode().set("v", n);
        }
        return n;
    }

    /** A document cut short, with its open string and containers closed, so it may still parse. */
    static String closeTruncated(String cut) {
        Deque<Character> open = new ArrayDeque<>();
        boolean inString = false;
        boolean escaped = false;
        for (int i = 0; i < cut.length(); i++) {
            char c = cut.charAt(i);
            if (inString) {
                if (escaped) {
                    escaped = false;
                } else if (c == '\\') {
                    escaped = true;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '{' || c == '[') {
                open.push(c);
            } else if ((c == '}' || c == ']') && !open.isEmpty()) {
                open.pop();
            }
        }
        StringBuilder b = new StringBuilder(cut);
        if (escaped) {
            b.setLength(b.length() - 1);
        }
        if (inString) {
            b.append('"');
        }
        String text = b.toString().stripTrailing();
        if (text.endsWith(",")) {
            text = text.substring(0, text.length() - 1);
        } else if (text.endsWith(":")) {
            text = text + "null";
        }
        StringBuilder closed = new StringBuilder(text);
        while (!open.isEmpty()) {
            closed.append(open.pop() == '{' ? '}' : ']');
        }
        return closed.toString();
    }
}
