package org.sitewatch.collectors.storage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Parses {@code rbd mirror image status --format json}: {@code state} ({@code up+<s>} /
 * {@code down+<s>}), {@code description} (in journal and snapshot mode {@code replaying, {json}}),
 * {@code last_update}; unknown keys are ignored. A {@code peer_sites} list (newer releases, each with
 * {@code site_name}, {@code state}, {@code description}, {@code last_update}) is read when present.
 */
final class CephMirrorStatusParser {

    private static final ObjectMapper JSON = new ObjectMapper();

    private CephMirrorStatusParser() {
    }

    /** @throws IllegalArgumentException when the text is not such JSON */
    static CephMirrorStatus parse(String json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("not a JSON object");
        }
        if (text(root, "state") == null) {
            throw new IllegalArgumentException("no state in the status");
        }
        List<CephMirrorStatus.Entry> peers = new ArrayList<>();
        JsonNode sites = root.get("peer_sites");
        if (sites != null && sites.isArray()) {
            for (JsonNode site : sites) {
                if (site.isObject() && text(site, "state") != null) {
                    peers.add(entry(site, text(site, "site_name")));
                }
            }
        }
        return new CephMirrorStatus(text(root, "name"), entry(root, null), peers);
    }

    private static CephMirrorStatus.Entry entry(JsonNode n, String siteName) {
        String state = text(n, "state").strip();
        int plus = state.indexOf('+');
        Boolean up = null;
        String word = state;
        if (plus > 0) {
            String prefix = state.substring(0, plus).toLowerCase(Locale.ROOT);
            up = prefix.equals("up") ? Boolean.TRUE : prefix.equals("down") ? Boolean.FALSE : null;
            word = up == null ? state : state.substring(plus + 1);
        }
        String description = text(n, "description");
        String words = description;
        JsonNode stats = null;
        if (description != null) {
            int brace = description.indexOf('{');
            if (brace >= 0) {
                try {
                    JsonNode parsed = JSON.readTree(description.substring(brace));
                    if (parsed != null && parsed.isObject()) {
                        stats = parsed;
                        words = description.substring(0, brace).replaceAll("[,\\s]+$", "");
                    }
                } catch (JsonProcessingException e) {
                    // a description that merely contains a brace: keep it as text
                }
            }
        }
        return new CephMirrorStatus.Entry(state, up, word, description, words, stats, text(n, "last_update"), siteName);
    }

    private static String text(JsonNode n, String key) {
        JsonNode v = n.get(key);
        return v == null || v.isNull() || v.isContainerNode() ? null : v.asText();
    }
}
