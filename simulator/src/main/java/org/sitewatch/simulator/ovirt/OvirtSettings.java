package org.sitewatch.simulator.ovirt;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sitewatch.simulator.ClusterSpec;
import org.sitewatch.simulator.Durations;

/**
 * The oVirt settings of a simulated engine, from its cluster's vendor keys: {@code username}
 * ({@code user@domain}, default {@code admin@internal}), {@code password} (required),
 * {@code token-lifetime} (how long an SSO token is accepted, on the simulation's clock; default 30m),
 * {@code data-centers} ({@code site=name, ...}; a site not named gets {@code dc-<site>}) and
 * {@code typing} ({@code json}, or {@code strings}: booleans and numbers written as strings, as RHV's
 * documented examples show). {@link #toString()} hides the password.
 */
record OvirtSettings(String username, String password, Duration tokenLifetime, Map<String, String> dataCenters,
                     boolean strings) {

    static final String USERNAME = "username";
    static final String PASSWORD = "password";
    static final String TOKEN_LIFETIME = "token-lifetime";
    static final String DATA_CENTERS = "data-centers";
    static final String TYPING = "typing";
    static final List<String> KEYS = List.of(USERNAME, PASSWORD, TOKEN_LIFETIME, DATA_CENTERS, TYPING);

    static OvirtSettings of(ClusterSpec cluster) {
        return new OvirtSettings(cluster.vendorSetting(USERNAME, "admin@internal"), cluster.vendorSetting(PASSWORD, null),
                Durations.parse(cluster.vendorSetting(TOKEN_LIFETIME, "30m")),
                dataCenters(cluster.vendorSetting(DATA_CENTERS, "")),
                typing(cluster.vendorSetting(TYPING, "json")));
    }

    /** The name of the data center standing in {@code site}. */
    String dataCenter(String site) {
        return dataCenters.getOrDefault(site, "dc-" + site);
    }

    /** @throws IllegalArgumentException saying what is wrong with the value */
    static void check(String key, String value) {
        switch (key) {
            case USERNAME -> {
                if (!value.matches("[^@\\s]+@[^@\\s]+")) {
                    throw new IllegalArgumentException("must be user@domain (e.g. admin@internal), got '" + value + "'");
                }
            }
            case PASSWORD -> {
                if (value.isBlank()) {
                    throw new IllegalArgumentException("must not be blank");
                }
            }
            case TOKEN_LIFETIME -> {
                if (Durations.parse(value).isZero()) {
                    throw new IllegalArgumentException("must be longer than 0");
                }
            }
            case DATA_CENTERS -> dataCenters(value);
            case TYPING -> typing(value);
            default -> throw new IllegalArgumentException("not an oVirt setting");
        }
    }

    private static Map<String, String> dataCenters(String text) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String pair : text.split(",")) {
            if (pair.isBlank()) {
                continue;
            }
            String[] parts = pair.split("=", -1);
            if (parts.length != 2 || parts[0].isBlank() || parts[1].isBlank()) {
                throw new IllegalArgumentException("must be site=name pairs separated by commas (e.g. "
                        + "'rome-dc7=dc-rome, madrid-dr=dc-madrid'), got '" + pair.trim() + "'");
            }
            out.put(parts[0].trim(), parts[1].trim());
        }
        return out;
    }

    private static boolean typing(String value) {
        return switch (value) {
            case "json" -> false;
            case "strings" -> true;
            default -> throw new IllegalArgumentException("must be json or strings, got '" + value + "'");
        };
    }

    @Override
    public String toString() {
        return "OvirtSettings[username=" + username + ", password=***, tokenLifetime=" + tokenLifetime
                + ", dataCenters=" + dataCenters + ", strings=" + strings + "]";
    }
}
