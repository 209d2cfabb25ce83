package org.sitewatch.simulator.vsphere;

import java.util.List;
import java.util.Set;
import org.sitewatch.simulator.ClusterSpec;

/**
 * The vSphere settings of a simulated cluster (one vCenter), read from its vendor keys: the login
 * ({@code username}, {@code password}, with defaults), the {@code datacenter} name, HA
 * ({@code haEnabled}, default true; {@code failoverLevel}, the host failures admission control
 * reserves for, default 1) and, for a VMware Cloud on AWS SDDC, {@code cloud: aws} and its
 * {@code region}. {@link #toString()} hides the password.
 */
record VcenterSettings(String username, String password, String datacenter, boolean haEnabled, int failoverLevel,
        String cloud, String region) {

    static final String USERNAME = "username";
    static final String PASSWORD = "password";
    static final String DATACENTER = "datacenter";
    static final String HA_ENABLED = "haEnabled";
    static final String FAILOVER_LEVEL = "failoverLevel";
    static final String CLOUD = "cloud";
    static final String REGION = "region";
    static final List<String> KEYS = List.of(USERNAME, PASSWORD, DATACENTER, HA_ENABLED, FAILOVER_LEVEL, CLOUD, REGION);
    static final String DEFAULT_USERNAME = "sitewatch@vsphere.local";
    static final String DEFAULT_PASSWORD = "sitewatch-simulated";
    private static final Set<String> CLOUDS = Set.of("aws");

    static VcenterSettings of(ClusterSpec cluster) {
        String cloud = cluster.vendorSetting(CLOUD, null);
        // A VMC SDDC's vCenter has one datacenter of that name.
        String datacenter = cluster.vendorSetting(DATACENTER, cloud != null ? "SDDC-Datacenter" : "DC-" + cluster.clusterName());
        return new VcenterSettings(cluster.vendorSetting(USERNAME, DEFAULT_USERNAME),
                cluster.vendorSetting(PASSWORD, DEFAULT_PASSWORD), datacenter,
                Boolean.parseBoolean(cluster.vendorSetting(HA_ENABLED, "true")),
                Integer.parseInt(cluster.vendorSetting(FAILOVER_LEVEL, "1")), cloud, cluster.vendorSetting(REGION, null));
    }

    /** @throws IllegalArgumentException saying what is wrong with the value */
    static void check(String key, String value) {
        switch (key) {
            case USERNAME, PASSWORD, DATACENTER -> {
                if (value.isBlank()) {
                    throw new IllegalArgumentException("must not be empty");
                }
            }
            case HA_ENABLED -> {
                if (!value.equals("true") && !value.equals("false")) {
                    throw new IllegalArgumentException("must be true or false, got '" + value + "'");
                }
            }
            case FAILOVER_LEVEL -> {
                if (!value.matches("[1-9]\\d{0,2}")) {
                    throw new IllegalArgumentException("must be a number of hosts from 1, got '" + value + "'");
                }
            }
            case CLOUD -> {
                if (!CLOUDS.contains(value)) {
                    throw new IllegalArgumentException("must be one of " + CLOUDS + " (VMware Cloud on AWS), got '"
                            + value + "'");
                }
            }
            case REGION -> {
                if (!value.matches("[a-z]{2}(-[a-z]+)+-\\d")) {
                    throw new IllegalArgumentException("must be a cloud region like eu-central-1, got '" + value + "'");
                }
            }
            default -> throw new IllegalArgumentException("not a vSphere setting");
        }
    }

    @Override
    public String toString() {
        return "VcenterSettings[username=" + username + ", password=***, datacenter=" + datacenter + ", haEnabled="
                + haEnabled + ", failoverLevel=" + failoverLevel + ", cloud=" + cloud + ", region=" + region + "]";
    }
}
