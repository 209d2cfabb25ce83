package org.sitewatch.testsupport.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * Mutated documents as a mapper would get them.
 *
 * @param documents each document's tree as the client reads it; null where the seed was null or the
 *     text does not parse
 * @param texts each document's text (null where the seed was null)
 * @param changed for each document, whether the mutations changed it (only those are shown)
 * @param readable false when a document's text does not parse: the client fails such an answer as
 *     MALFORMED and no mapper sees it
 * @param mutations what was done to the seeds (what jqwik shrinks)
 */
public record JsonMutant(List<JsonNode> documents, List<String> texts, List<Boolean> changed, boolean readable,
                         List<JsonMutation> mutations) {

    public JsonNode document(int i) {
        return documents.get(i);
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("mutations " + mutations);
        for (int i = 0; i < texts.size(); i++) {
            String t = texts.get(i);
            if (!changed.get(i)) {
                continue;
            }
            b.append("\n  document ").append(i).append(": ")
                    .append(t == null || t.length() <= 1500 ? t : t.substring(0, 1500) + "... (" + t.length() + " chars)");
        }
        return b.toString();
    }
}
