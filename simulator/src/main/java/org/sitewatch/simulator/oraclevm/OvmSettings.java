package org.sitewatch.simulator.oraclevm;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.sitewatch.simulator.ClusterSpec;
import org.sitewatch.simulator.Durations;

/**
 * The Oracle VM settings of a simulated manager, read from its cluster's vendor keys: the login
 * ({@code username}, {@code password}), the server pool's name ({@code poolName}, default the
 * cluster's name), the manager's {@code managerRunState} (default RUNNING; STARTING, STOPPING or
 * STOPPED play a manager that is not ready) and how long an idle session lives
 * ({@code sessionTimeout}, default 30m, on the scenario's clock). {@link #toString()} hides the password.
 */
record OvmSettings(String username, String password, String poolName, String managerRunState,
        Duration sessionTimeout) {

    static final String USERNAME = "username";
    static final String PASSWORD = "password";
    static final String POOL_NAME = "poolName";
    static final String MANAGER_RUN_STATE = "managerRunState";
    static final String SESSION_TIMEOUT = "sessionTimeout";
    static final List<String> KEYS = List.of(USERNAME, PASSWORD, POOL_NAME, MANAGER_RUN_STATE, SESSION_TIMEOUT);
    static final String DEFAULT_USERNAME = "admin";
    static final String DEFAULT_PASSWORD = "sitewatch-simulated";
    static final Set<String> MANAGER_RUN_STATES = Set.of("STARTING", "RUNNING", "STOPPING", "STOPPED");

    static OvmSettings of(ClusterSpec cluster) {
        return new OvmSettings(cluster.vendorSetting(USERNAME, DEFAULT_USERNAME),
                cluster.vendorSetting(PASSWORD, DEFAULT_PASSWORD),
                cluster.vendorSetting(POOL_NAME, cluster.clusterName()),
                cluster.vendorSetting(MANAGER_RUN_STATE, "RUNNING"),
                Durations.parse(cluster.vendorSetting(SESSION_TIMEOUT, "30m")));
    }

    /** @throws IllegalArgumentException saying what is wrong with the value */
    static void check(String key, String value) {
        switch (key) {
            case USERNAME, PASSWORD, POOL_NAME -> {
                if (value.isBlank()) {
                    throw new IllegalArgumentException("must not be empty");
                }
                if (key.equals(USERNAME) && value.contains(":")) {
                    throw new IllegalArgumentException("must not contain ':' (HTTP Basic separates user and password with it)");
                }
            }
            case MANAGER_RUN_STATE -> {
                if (!MANAGER_RUN_STATES.contains(value)) {
                    throw new IllegalArgumentException("must be one of STARTING, RUNNING, STOPPING, STOPPED, got '"
                            + value + "'");
                }
            }
            case SESSION_TIMEOUT -> {
                if (Durations.parse(value).isZero()) {
                    throw new IllegalArgumentException("must be longer than 0");
                }
            }
            default -> throw new IllegalArgumentException("not an Oracle VM setting");
        }
    }

    @Override
    public String toString() {
        return "OvmSettings[username=" + username + ", password=***, poolName=" + poolName + ", managerRunState="
                + managerRunState + ", sessionTimeout=" + sessionTimeout + "]";
    }
}
