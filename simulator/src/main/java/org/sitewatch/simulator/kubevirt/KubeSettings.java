package org.sitewatch.simulator.kubevirt;

import java.util.List;
import org.sitewatch.simulator.ClusterSpec;

/**
 * The scenario settings of a {@code kubevirt} cluster.
 *
 * @param token        the bearer token the API server accepts ({@code token})
 * @param namespace    the namespace of every VirtualMachine ({@code namespace}, default {@code default})
 * @param watchHistory how many past changes a watch can resume from ({@code watch-history}); an older
 *                     resource version gets {@code 410 Expired}
 */
record KubeSettings(String token, String namespace, int watchHistory) {

    static final String TOKEN = "token";
    static final String NAMESPACE = "namespace";
    static final String WATCH_HISTORY = "watch-history";
    static final List<String> KEYS = List.of(TOKEN, NAMESPACE, WATCH_HISTORY);
    static final String DEFAULT_TOKEN = "sitewatch-simulated-kubevirt-token";

    static KubeSettings of(ClusterSpec cluster) {
        return new KubeSettings(cluster.vendorSetting(TOKEN, DEFAULT_TOKEN), cluster.vendorSetting(NAMESPACE, "default"),
                Integer.parseInt(cluster.vendorSetting(WATCH_HISTORY, "1000")));
    }

    static void check(String key, String value) {
        switch (key) {
            case TOKEN -> {
                if (value.isBlank() || value.chars().anyMatch(Character::isWhitespace)) {
                    throw new IllegalArgumentException("must be a bearer token without blanks, got '" + value + "'");
                }
            }
            case NAMESPACE -> {
                if (!KubeNames.isDnsLabel(value)) {
                    throw new IllegalArgumentException("must be a Kubernetes namespace name (lower-case letters, digits "
                            + "and '-', at most 63), got '" + value + "'");
                }
            }
            case WATCH_HISTORY -> {
                int n;
                try {
                    n = Integer.parseInt(value);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("must be a whole number of changes, got '" + value + "'");
                }
                if (n < 1) {
                    throw new IllegalArgumentException("must be at least 1, got " + n);
                }
            }
            default -> throw new IllegalArgumentException("unknown setting");
        }
    }
}
