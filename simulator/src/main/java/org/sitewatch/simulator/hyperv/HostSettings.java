package org.sitewatch.simulator.hyperv;

import java.util.List;
import java.util.Locale;
import org.sitewatch.simulator.ClusterSpec;

/**
 * The Hyper-V settings of a simulated cluster, from its vendor keys: the local account the
 * listeners accept over HTTP Basic ({@code username}, {@code password}, with defaults) and the DNS
 * {@code domain} of its hosts (default {@code <site>.example}), which names the replica servers
 * ({@code ReplicaServerName}). {@link #toString()} hides the password.
 */
record HostSettings(String username, String password, String domain) {

    static final String USERNAME = "username";
    static final String PASSWORD = "password";
    static final String DOMAIN = "domain";
    static final List<String> KEYS = List.of(USERNAME, PASSWORD, DOMAIN);
    static final String DEFAULT_USERNAME = "sitewatch";
    static final String DEFAULT_PASSWORD = "sitewatch-simulated";

    static HostSettings of(ClusterSpec cluster) {
        return new HostSettings(cluster.vendorSetting(USERNAME, DEFAULT_USERNAME),
                cluster.vendorSetting(PASSWORD, DEFAULT_PASSWORD),
                cluster.vendorSetting(DOMAIN, cluster.site().toLowerCase(Locale.ROOT) + ".example"));
    }

    /** @throws IllegalArgumentException saying what is wrong with the value */
    static void check(String key, String value) {
        switch (key) {
            case USERNAME, PASSWORD -> {
                if (value.isBlank()) {
                    throw new IllegalArgumentException("must not be empty");
                }
            }
            case DOMAIN -> {
                if (!value.matches("[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+")) {
                    throw new IllegalArgumentException("must be a DNS domain like corp.example, got '" + value + "'");
                }
            }
            default -> throw new IllegalArgumentException("not a Hyper-V setting");
        }
    }

    /** A host's DNS name, as Hyper-V Replica names primary and replica servers. */
    String fqdn(String node) {
        return node.toLowerCase(Locale.ROOT) + "." + domain;
    }

    @Override
    public String toString() {
        return "HostSettings[username=" + username + ", password=***, domain=" + domain + "]";
    }
}
