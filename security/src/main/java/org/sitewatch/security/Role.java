package org.sitewatch.security;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The roles of Sitewatch's HTTP API. {@code admin} implies every other role; {@code operator} and
 * {@code auditor} imply {@code viewer}; {@code metrics} is only the scrape endpoint (a Prometheus token).
 */
public enum Role {

    /** Views, alerts, maintenance windows (read), the status page's API calls, runbooks, the API description. */
    VIEWER,
    /** Creates and deletes maintenance windows. */
    OPERATOR,
    /** Audit replay and exports ({@code /api/audit/**}). */
    AUDITOR,
    /** {@code /actuator/prometheus} and {@code /actuator/metrics} (unless {@code metrics-access} says otherwise). */
    METRICS,
    /** Everything. */
    ADMIN;

    /** The lower-case name used in configuration, tokens files and JWT claims. */
    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The Spring Security authority, {@code ROLE_<name>}. */
    public String authority() {
        return "ROLE_" + configName();
    }

    /**
     * The role named {@code name} (case-insensitive).
     *
     * @param key the configuration key, named in the error
     * @throws SecurityConfigurationException when there is no such role
     */
    public static Role parse(String name, String key) {
        String trimmed = name == null ? "" : name.trim();
        for (Role r : values()) {
            if (r.configName().equalsIgnoreCase(trimmed)) {
                return r;
            }
        }
        throw new SecurityConfigurationException(key, "unknown role '" + trimmed + "' (roles: " + names() + ")");
    }

    static String names() {
        return Arrays.stream(values()).map(Role::configName).collect(Collectors.joining(", "));
    }
}
