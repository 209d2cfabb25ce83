package org.sitewatch.simulator.proxmox;

import java.util.List;
import org.sitewatch.simulator.ClusterSpec;

/**
 * The Proxmox VE settings of a simulated cluster, read from its vendor keys: {@code token}
 * ({@code USER@REALM!TOKENID=SECRET}, required), {@code booleans} ({@code int}, as PVE sends, or
 * {@code json}) and {@code pveVersion}. {@link #toString()} hides the token's secret.
 */
record ProxmoxSettings(String token, BooleanStyle booleans, String pveVersion) {

    static final String TOKEN = "token";
    static final String BOOLEANS = "booleans";
    static final String VERSION = "pveVersion";
    static final List<String> KEYS = List.of(TOKEN, BOOLEANS, VERSION);
    static final String DEFAULT_VERSION = "8.2.4";
    private static final String TOKEN_FORMAT = "[^@!=\\s]+@[^@!=\\s]+![A-Za-z0-9][A-Za-z0-9._-]*=\\S+";

    static ProxmoxSettings of(ClusterSpec cluster) {
        return new ProxmoxSettings(cluster.vendorSetting(TOKEN, null),
                BooleanStyle.fromScenario(cluster.vendorSetting(BOOLEANS, "int")),
                cluster.vendorSetting(VERSION, DEFAULT_VERSION));
    }

    /** @throws IllegalArgumentException saying what is wrong with the value */
    static void check(String key, String value) {
        switch (key) {
            case TOKEN -> {
                if (!value.matches(TOKEN_FORMAT)) {
                    throw new IllegalArgumentException("must look like USER@REALM!TOKENID=SECRET");
                }
            }
            case BOOLEANS -> BooleanStyle.fromScenario(value);
            case VERSION -> {
                if (!value.matches("\\d+\\.\\d+(\\.\\d+)?(-\\d+)?")) {
                    throw new IllegalArgumentException("must be a version like 8.2.4, got '" + value + "'");
                }
            }
            default -> throw new IllegalArgumentException("not a Proxmox VE setting");
        }
    }

    @Override
    public String toString() {
        int eq = token == null ? -1 : token.indexOf('=');
        return "ProxmoxSettings[token=" + (eq < 0 ? "?" : token.substring(0, eq) + "=***") + ", booleans=" + booleans
                + ", pveVersion=" + pveVersion + "]";
    }
}
