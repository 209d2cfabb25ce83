package org.sitewatch.simulator.azure;

import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.sitewatch.simulator.ClusterSpec;
import org.sitewatch.simulator.Durations;

/**
 * The scenario settings of an {@code azure} cluster: one Recovery Services vault and the service
 * principal that may read it. Every key has a default except {@code region}.
 *
 * @param subscription the subscription id in ARM paths
 * @param resourceGroup the vault's resource group
 * @param vault the vault's name (default: the cluster's name)
 * @param region the vault's Azure region id, where on-premises machines recover to
 * @param regions the cluster nodes that are Azure regions (named by region id; default: {@code region});
 *     every other node is an on-premises fabric (a Hyper-V host or cluster, a VMware server)
 * @param tenant / clientId / clientSecret what the token endpoint accepts
 * @param tokenLifetime how long issued tokens last ({@code expires_in}), measured on the wall clock
 *     as clients measure it, not on the scenario's clock
 * @param pageSize protected items per ARM page before a {@code nextLink}
 * @param retryAfter the {@code Retry-After} of a throttled ({@code http429}) answer
 * @param onPremisesProvider the {@code instanceType} of on-premises → Azure items
 * @param providers per replication link id ({@code <guest>-<jobnum>}), its {@code instanceType}
 * @param rpoThreshold the {@code recoveryPointThresholdInMinutes} of the vault's replication policies
 *     whose provider type has one (A2A); whole minutes, default 60m
 */
record VaultSettings(String subscription, String resourceGroup, String vault, String region, Set<String> regions,
                     String tenant, String clientId, String clientSecret, Duration tokenLifetime, int pageSize,
                     Duration retryAfter, String onPremisesProvider, Map<String, String> providers,
                     Duration rpoThreshold) {

    static final String A2A = "A2A";
    static final String HYPER_V_REPLICA_AZURE = "HyperVReplicaAzure";
    static final String IN_MAGE_RCM = "InMageRcm";
    /** On-premises → Azure provider types the front writes. */
    static final List<String> ON_PREMISES_PROVIDERS = List.of(HYPER_V_REPLICA_AZURE, IN_MAGE_RCM);

    static final String CLOUD = "cloud";
    static final String REGION = "region";
    static final List<String> KEYS = List.of(CLOUD, REGION, "regions", "subscription", "resource-group", "vault",
            "tenant", "client-id", "client-secret", "token-lifetime", "page-size", "retry-after", "provider",
            "providers", "rpo-threshold");
    static final String DEFAULT_SUBSCRIPTION = "5b6f0c1e-0000-4000-8000-00000000a5c0";
    static final String DEFAULT_TENANT = "3c1d2b4a-0000-4000-8000-0000000000e1";
    static final String DEFAULT_CLIENT_ID = "9a8b7c6d-0000-4000-8000-0000000000c1";
    static final String DEFAULT_CLIENT_SECRET = "simulated-asr-reader-secret";

    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._()-]*");
    private static final Pattern REGION_ID = Pattern.compile("[a-z][a-z0-9]*");

    static VaultSettings of(ClusterSpec c) {
        String region = c.vendorSetting(REGION, null);
        return new VaultSettings(c.vendorSetting("subscription", DEFAULT_SUBSCRIPTION),
                c.vendorSetting("resource-group", "rg-" + c.name()), c.vendorSetting("vault", c.name()), region,
                Set.copyOf(List.of(c.vendorSetting("regions", region).split("\\s*,\\s*"))),
                c.vendorSetting("tenant", DEFAULT_TENANT), c.vendorSetting("client-id", DEFAULT_CLIENT_ID),
                c.vendorSetting("client-secret", DEFAULT_CLIENT_SECRET),
                Durations.parse(c.vendorSetting("token-lifetime", "3599s")),
                Integer.parseInt(c.vendorSetting("page-size", "100")),
                Durations.parse(c.vendorSetting("retry-after", "30s")),
                c.vendorSetting("provider", HYPER_V_REPLICA_AZURE), providers(c.vendorSetting("providers", "")),
                rpoThreshold(c.vendorSetting("rpo-threshold", "60m")));
    }

    /** Whether a node of the cluster is an Azure region (else an on-premises fabric). */
    boolean isRegion(String node) {
        return regions.contains(node);
    }

    /** The ARM path of the vault, from {@code /subscriptions}. */
    String vaultPath() {
        return "/subscriptions/" + subscription + "/resourceGroups/" + resourceGroup
                + "/providers/Microsoft.RecoveryServices/vaults/" + vault;
    }

    /** @throws IllegalArgumentException saying what is wrong with the value */
    static void check(String key, String value) {
        switch (key) {
            case CLOUD -> {
                if (!value.equals("azure")) {
                    throw new IllegalArgumentException("an azure cluster runs in cloud 'azure', got '" + value + "'");
                }
            }
            case REGION -> region(value);
            case "regions" -> Arrays.stream(value.split("\\s*,\\s*")).forEach(VaultSettings::region);
            case "subscription", "resource-group", "vault", "tenant" -> {
                if (!SEGMENT.matcher(value).matches()) {
                    throw new IllegalArgumentException("must be one ARM path segment (letters, digits, '.', '_', "
                            + "'-', '(', ')'), got '" + value + "'");
                }
            }
            case "client-id", "client-secret" -> {
                if (value.isBlank()) {
                    throw new IllegalArgumentException("must not be blank");
                }
            }
            case "token-lifetime", "retry-after" -> {
                if (Durations.parse(value).getSeconds() < 1) {
                    throw new IllegalArgumentException("must be at least 1s, got '" + value + "'");
                }
            }
            case "page-size" -> {
                int size;
                try {
                    size = Integer.parseInt(value.trim());
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("must be a whole number, got '" + value + "'");
                }
                if (size < 1) {
                    throw new IllegalArgumentException("must be at least 1, got " + size);
                }
            }
            case "provider" -> onPremisesProvider(value);
            case "providers" -> providers(value);
            case "rpo-threshold" -> rpoThreshold(value);
            default -> throw new IllegalArgumentException("is not a setting of the azure front");
        }
    }

    private static void region(String value) {
        if (!REGION_ID.matcher(value).matches()) {
            throw new IllegalArgumentException("must be an Azure region id such as westeurope, got '" + value + "'");
        }
    }

    private static String onPremisesProvider(String value) {
        return ON_PREMISES_PROVIDERS.stream().filter(p -> p.equalsIgnoreCase(value.trim())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("must be one of " + ON_PREMISES_PROVIDERS
                        + " (A2A is chosen by itself between two regions), got '" + value + "'"));
    }

    /** ASR keeps the threshold in whole minutes, at least one. */
    private static Duration rpoThreshold(String value) {
        Duration d = Durations.parse(value);
        if (d.getSeconds() < 60 || d.getSeconds() % 60 != 0 || d.getNano() != 0) {
            throw new IllegalArgumentException("must be a whole number of minutes, at least 1m, got '" + value + "'");
        }
        return d;
    }

    /** {@code "100-0=InMageRcm, 101-0=HyperVReplicaAzure"} by link id. */
    private static Map<String, String> providers(String value) {
        Map<String, String> out = new LinkedHashMap<>();
        if (value.isBlank()) {
            return out;
        }
        for (String entry : value.split("\\s*,\\s*")) {
            int eq = entry.indexOf('=');
            if (eq < 1) {
                throw new IllegalArgumentException("must list <guest>-<jobnum>=<provider> entries separated by commas,"
                        + " got '" + entry + "'");
            }
            out.put(entry.substring(0, eq).trim(), onPremisesProvider(entry.substring(eq + 1)));
        }
        return out;
    }

    /** The provider of an on-premises → Azure link. */
    String providerOf(String linkId) {
        return providers.getOrDefault(linkId, onPremisesProvider(onPremisesProvider));
    }

    @Override
    public String toString() {
        return "VaultSettings[" + vaultPath() + ", region=" + region + ", tenant=" + tenant + ", clientId=" + clientId
                + ", regions=" + regions + ", pageSize=" + pageSize + ", rpoThreshold=" + rpoThreshold + "]";
    }
}
