package org.sitewatch.testsupport.fuzz;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One change to a set of JSON documents, in terms jqwik can shrink: {@code where} picks a node by its
 * pre-order index over all documents (modulo their node count), {@code amount} parameterises the kind.
 *
 * @param value the odd value REPLACE puts in, or the text EDIT_TEXT adds
 */
public record JsonMutation(Kind kind, int where, JsonNode value, int amount) {

    /** What a mutation does to the node it picks. */
    public enum Kind {
        /** put an odd value (wrong type, extreme number, odd text) in its place */
        REPLACE,
        /** drop it from its parent (a document's root becomes {@code null}) */
        REMOVE,
        /** put a copy of another node of the documents (the {@code amount}-th) in its place */
        SPLICE,
        /** change its text a little, or its type while keeping its text ("12" for 12, 12 for "12") */
        EDIT_TEXT,
        /** wrap it in {@code amount} (1..1200) arrays or objects */
        NEST,
        /** repeat it in its array {@code amount} (1..50) times */
        DUPLICATE,
        /** cut its document's text at a point, close what is open and parse again */
        TRUNCATE
    }
}
