package org.sitewatch.core.fold;

import java.util.Optional;

/**
 * A replication direction between two sites, keyed {@code <source>-><target>} (site names cannot hold
 * {@code >}, so the key splits back unambiguously). Intra-site replication is the pair of a site with
 * itself, e.g. {@code paris-dc1->paris-dc1}.
 */
public record SitePair(String source, String target) {

    public static final String ARROW = "->";

    public String key() {
        return key(source, target);
    }

    public static String key(String source, String target) {
        return source + ARROW + target;
    }

    public static Optional<SitePair> parse(String key) {
        int at = key == null ? -1 : key.indexOf(ARROW);
        if (at <= 0 || at + ARROW.length() >= key.length()) {
            return Optional.empty();
        }
        return Optional.of(new SitePair(key.substring(0, at), key.substring(at + ARROW.length())));
    }
}
