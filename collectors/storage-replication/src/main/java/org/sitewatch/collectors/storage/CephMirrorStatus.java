package org.sitewatch.collectors.storage;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * One {@code rbd mirror image status --format json} answer: the local image's status, and the
 * peers' statuses when the answer lists them ({@code peer_sites}, UNCONFIRMED).
 */
record CephMirrorStatus(String name, Entry local, List<Entry> peers) {

    CephMirrorStatus {
        peers = List.copyOf(peers);
    }

    /**
     * One status.
     *
     * @param state the raw state, e.g. {@code up+replaying}
     * @param up true for {@code up+}, false for {@code down+}, null without a prefix
     * @param word the state after the prefix ({@code replaying})
     * @param description the raw description
     * @param descriptionWords the description before its JSON part ({@code replaying})
     * @param stats the description's JSON part ({@code entries_behind_primary} ...), null when none
     * @param lastUpdate {@code last_update} as written ({@code YYYY-MM-DD HH:MM:SS}); null when missing
     * @param siteName {@code site_name} of a peer entry; null for the local one
     */
    record Entry(String state, Boolean up, String word, String description, String descriptionWords, JsonNode stats,
                 String lastUpdate, String siteName) {

        boolean describesPrimary() {
            return description != null && description.toLowerCase(java.util.Locale.ROOT).contains("local image is primary");
        }
    }
}
