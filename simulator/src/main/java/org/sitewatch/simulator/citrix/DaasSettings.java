package org.sitewatch.simulator.citrix;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sitewatch.simulator.ClusterSpec;
import org.sitewatch.simulator.Durations;

/**
 * The Citrix DaaS settings of a simulated cluster (one customer), read from its vendor keys:
 * <ul>
 *   <li>{@code customer-id} (required), {@code client-id}, {@code client-secret}: the API client the
 *       token endpoint accepts;</li>
 *   <li>{@code token-lifetime} (default 1h): a token's {@code expires_in};</li>
 *   <li>{@code delivery-groups}: {@code Group A=vm1,vm2; Group B=vm3} by guest name; a guest in none
 *       has no delivery group;</li>
 *   <li>{@code maintenance}: guest names in maintenance mode, comma separated;</li>
 *   <li>{@code domain} (default CORP): the AD domain of machine names ({@code CORP\vm1});</li>
 *   <li>{@code page-size} (default 100, the service's page), {@code retry-after} (default 2s, of a 429),
 *       {@code query-delay} (default 0: how long each OData query takes, so overlapping ones meet);</li>
 *   <li>{@code numbers-as-strings} (default false): integers sent as JSON strings;</li>
 *   <li>{@code registered-threshold}: passed on to the collector's setting of that name.</li>
 * </ul>
 * {@link #toString()} hides the client secret.
 */
record DaasSettings(String customerId, String clientId, String clientSecret, Duration tokenLifetime,
                    Map<String, String> groupOfGuest, Set<String> maintenance, String domain, int pageSize,
                    Duration retryAfter, Duration queryDelay, boolean numbersAsStrings, String registeredThreshold) {

    static final String CUSTOMER_ID = "customer-id";
    static final List<String> KEYS = List.of(CUSTOMER_ID, "client-id", "client-secret", "token-lifetime",
            "delivery-groups", "maintenance", "domain", "page-size", "retry-after", "query-delay", "numbers-as-strings",
            "registered-threshold");
    static final String DEFAULT_CLIENT_ID = "5e7a1c2d-0000-4000-8000-0000000c17a1";
    static final String DEFAULT_CLIENT_SECRET = "simulated-citrix-api-client-secret";

    static DaasSettings of(ClusterSpec c) {
        return new DaasSettings(c.vendorSetting(CUSTOMER_ID, null), c.vendorSetting("client-id", DEFAULT_CLIENT_ID),
                c.vendorSetting("client-secret", DEFAULT_CLIENT_SECRET),
                Durations.parse(c.vendorSetting("token-lifetime", "1h")),
                groups(c.vendorSetting("delivery-groups", "")), Set.copyOf(names(c.vendorSetting("maintenance", ""))),
                c.vendorSetting("domain", "CORP"), Integer.parseInt(c.vendorSetting("page-size", "100").trim()),
                Durations.parse(c.vendorSetting("retry-after", "2s")), Durations.parse(c.vendorSetting("query-delay", "0")),
                Boolean.parseBoolean(c.vendorSetting("numbers-as-strings", "false").trim()),
                c.vendorSetting("registered-threshold", null));
    }

    /** @throws IllegalArgumentException saying what is wrong with the value */
    static void check(String key, String value) {
        switch (key) {
            case CUSTOMER_ID, "client-id", "client-secret", "domain" -> {
                if (!value.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
                    throw new IllegalArgumentException("must be letters, digits, '.', '_' or '-', got '" + value + "'");
                }
            }
            case "token-lifetime", "retry-after" -> {
                if (Durations.parse(value).getSeconds() < 1) {
                    throw new IllegalArgumentException("must be at least 1s, got '" + value + "'");
                }
            }
            case "query-delay" -> Durations.parse(value);
            case "delivery-groups" -> groups(value);
            case "maintenance" -> names(value);
            case "page-size" -> atLeast(1, 1000, value);
            case "registered-threshold" -> atLeast(1, 100, value);
            case "numbers-as-strings" -> {
                if (!value.trim().equals("true") && !value.trim().equals("false")) {
                    throw new IllegalArgumentException("must be true or false, got '" + value + "'");
                }
            }
            default -> throw new IllegalArgumentException("is not a setting of the citrix front");
        }
    }

    /** {@code A=vm1,vm2; B=vm3} as guest name to group name. */
    static Map<String, String> groups(String value) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String group : value.split(";")) {
            if (group.isBlank()) {
                continue;
            }
            int eq = group.indexOf('=');
            String name = eq < 0 ? "" : group.substring(0, eq).trim();
            if (name.isEmpty()) {
                throw new IllegalArgumentException("each delivery group must be 'Group name=guest1,guest2', got '"
                        + group.trim() + "'");
            }
            for (String guest : names(group.substring(eq + 1))) {
                String before = out.put(guest, name);
                if (before != null) {
                    throw new IllegalArgumentException("guest " + guest + " is in two delivery groups: " + before
                            + " and " + name);
                }
            }
        }
        return out;
    }

    private static List<String> names(String value) {
        return List.of(value.split(",")).stream().map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private static void atLeast(int min, int max, String value) {
        int n;
        try {
            n = Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("must be a whole number, got '" + value + "'");
        }
        if (n < min || n > max) {
            throw new IllegalArgumentException("must be from " + min + " to " + max + ", got " + n);
        }
    }

    @Override
    public String toString() {
        return "DaasSettings[customerId=" + customerId + ", clientId=" + clientId + ", clientSecret=***, tokenLifetime="
                + tokenLifetime + ", groupOfGuest=" + groupOfGuest + ", maintenance=" + maintenance + ", domain=" + domain
                + ", pageSize=" + pageSize + ", retryAfter=" + retryAfter + ", queryDelay=" + queryDelay
                + ", numbersAsStrings=" + numbersAsStrings + ", registeredThreshold=" + registeredThreshold + "]";
    }
}
