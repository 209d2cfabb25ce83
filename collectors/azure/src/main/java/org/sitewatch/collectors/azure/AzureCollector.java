package org.sitewatch.collectors.azure;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sitewatch.collectors.azure.mapping.AzureVmMapper;
import org.sitewatch.collectors.azure.mapping.ProtectedItemMapper;
import org.sitewatch.collectors.azure.mapping.ProtectedItemMapper.MappedItem;
import org.sitewatch.collectors.azure.mapping.ReplicationPolicy;
import org.sitewatch.collectors.azure.mapping.SiteResolver;
import org.sitewatch.collectors.azure.mapping.UnusableItemException;
import org.sitewatch.collectors.spi.CollectorException;
import org.sitewatch.collectors.spi.EndpointConfig;
import org.sitewatch.collectors.spi.PollingSource;
import org.sitewatch.collectors.spi.Scope;
import org.sitewatch.collectors.spi.Snapshot;
import org.sitewatch.events.EventType;
import org.sitewatch.events.VmState;

/**
 * Polls one Azure subscription: the ASR protected items of each vault, and every few polls the
 * power state and Resource Health of the Azure VMs those items protect or recover to.
 *
 * <p>Calls per poll: one paged list per vault ({@code replicationProtectedItems}), one vault list
 * when no vaults are configured, one GET per configured vault on the first poll only (its region);
 * one paged {@code replicationPolicies} list per vault when its items name a policy not known yet,
 * else every {@code policy-every} polls ({@link VaultPolicies}); every {@code vm-state-every} polls
 * one paged subscription-wide VM status list ({@code statusOnly=true}) and one Resource Health GET
 * per referenced VM. A vault that fails (throttled, missing, a role missing on it) is a partial
 * read; the others still read. A vault whose policies cannot be read keeps its items flowing with
 * the last known (or configured) targets, and the heartbeat names the policies as unreadable.
 * Credentials refused fail the whole poll.
 */
final class AzureCollector implements PollingSource {

    static final String ASR_API_VERSION = "2025-01-01";
    static final String VAULTS_API_VERSION = "2023-04-01";
    static final String COMPUTE_API_VERSION = "2025-11-01";
    static final String RESOURCE_HEALTH_API_VERSION = "2025-04-01";
    static final Scope VM_SCOPE = Scope.endpoint("Microsoft.Compute/virtualMachines");

    private final EndpointConfig endpoint;
    private final AzureSettings settings;
    private final ArmClient arm;
    private final Clock clock;
    private final ArmFailures failures;
    private final ProtectedItemMapper items;
    private final AzureVmMapper vms;
    private final Map<String, VaultRef> configuredVaults = new LinkedHashMap<>();
    private final Map<String, VaultPolicies> policies = new LinkedHashMap<>();
    private long polls;
    private Set<String> cachedVmIds = Set.of();
    private List<VmState> cachedVmStates = List.of();

    AzureCollector(EndpointConfig endpoint, AzureSettings settings, ArmClient arm, Clock clock) {
        this.endpoint = endpoint;
        this.settings = settings;
        this.arm = arm;
        this.clock = clock;
        String block = endpoint.vendor().key();
        this.failures = new ArmFailures(block);
        String region = endpoint.location() == null ? null : endpoint.location().region();
        SiteResolver sites = new SiteResolver(endpoint.site(), region, settings::siteOf, block);
        this.items = new ProtectedItemMapper(endpoint.site(), sites,
                endpoint.targetRpo() == null ? null : endpoint.targetRpo().getSeconds());
        this.vms = new AzureVmMapper(endpoint.site());
        for (AzureSettings.Vault v : settings.vaults()) {
            VaultRef ref = new VaultRef(settings.subscriptionId(), v.resourceGroup(), v.name(), null);
            configuredVaults.put(ref.label(), ref);
        }
    }

    @Override
    public Snapshot poll() throws CollectorException {
        Snapshot.Builder snapshot = Snapshot.builder(clock.instant());
        List<VaultRef> vaults = vaults();
        Set<String> vmIds = new LinkedHashSet<>();
        CollectorException firstFailure = null;
        int read = 0;
        for (VaultRef vault : vaults) {
            try {
                readVault(vault, snapshot, vmIds);
                read++;
            } catch (RuntimeException e) {
                CollectorException failure = failures.classify("vault " + vault.label(), e);
                if (ArmFailures.rejectsCredentials(e)) {
                    throw failure;
                }
                firstFailure = firstFailure == null ? failure : firstFailure;
                snapshot.partial(EventType.REPLICATION_STATUS);
                snapshot.unreadable(EventType.REPLICATION_STATUS, vault.scope(), failure.getMessage());
            }
        }
        if (read == 0 && firstFailure != null) {
            // Not one vault answered: the endpoint is down or throttled as a whole, not a part of it.
            throw firstFailure;
        }
        readVms(vmIds, snapshot);
        polls++;
        return snapshot.build();
    }

    /** The configured vaults (their regions read once), or every vault of the subscription. */
    private List<VaultRef> vaults() throws CollectorException {
        if (!configuredVaults.isEmpty()) {
            return new ArrayList<>(configuredVaults.values());
        }
        String path = "/subscriptions/" + settings.subscriptionId()
                + "/providers/Microsoft.RecoveryServices/vaults?api-version=" + VAULTS_API_VERSION;
        try {
            List<VaultRef> found = new ArrayList<>();
            for (JsonNode vault : arm.list(path, settings.maxPages()).items()) {
                VaultRef ref = VaultRef.fromId(text(vault, "id"), text(vault, "location"));
                if (ref != null) {
                    found.add(ref);
                }
            }
            return found;
        } catch (RuntimeException e) {
            throw failures.classify("listing the vaults of subscription " + settings.subscriptionId(), e);
        }
    }

    private void readVault(VaultRef configured, Snapshot.Builder snapshot, Set<String> vmIds) {
        VaultRef vault = configured;
        if (vault.region() == null) {
            vault = vault.withRegion(text(arm.get(vault.path() + "?api-version=" + VAULTS_API_VERSION), "location"));
            configuredVaults.replace(vault.label(), vault);
        }
        ArmClient.Listing listing = arm.list(vault.path() + "/replicationProtectedItems?api-version=" + ASR_API_VERSION,
                settings.maxPages());
        Map<String, ReplicationPolicy> known = policies(vault, listing.items(), snapshot);
        for (JsonNode item : listing.items()) {
            try {
                MappedItem mapped = items.map(item, vault.region(), known, snapshot.observedAt());
                snapshot.state(mapped.status());
                vmIds.addAll(mapped.azureVmIds());
            } catch (UnusableItemException e) {
                snapshot.skipped("vault " + vault.label() + ": " + e.getMessage());
                snapshot.partial(EventType.REPLICATION_STATUS);
            }
        }
        if (listing.truncated()) {
            snapshot.partial(EventType.REPLICATION_STATUS);
            snapshot.unreadable(EventType.REPLICATION_STATUS, vault.scope(), "more than " + settings.maxPages()
                    + " pages of protected items: raise " + endpoint.vendor().key() + ".max-pages");
        }
    }

    /**
     * The vault's replication policies by lower-cased id, read again when due. A failed or cut-short
     * read is reported as an unreadable part of the vault and the last known policies stay in use;
     * credentials refused still fail the poll.
     */
    private Map<String, ReplicationPolicy> policies(VaultRef vault, List<JsonNode> listed, Snapshot.Builder snapshot) {
        VaultPolicies cache = policies.computeIfAbsent(vault.label(), label -> new VaultPolicies());
        Set<String> named = new LinkedHashSet<>();
        for (JsonNode item : listed) {
            String id = ProtectedItemMapper.policyId(item);
            if (id != null) {
                named.add(id);
            }
        }
        if (!cache.due(named, polls, settings.policyEvery())) {
            return cache.known();
        }
        cache.attempted(polls);
        ArmClient.Listing listing;
        try {
            listing = arm.list(vault.path() + "/replicationPolicies?api-version=" + ASR_API_VERSION, settings.maxPages());
        } catch (RuntimeException e) {
            if (ArmFailures.rejectsCredentials(e)) {
                throw e;
            }
            String reason = failures.classify("replication policies of vault " + vault.label(), e).getMessage();
            snapshot.unreadable(EventType.REPLICATION_STATUS, vault.policyScope(), reason
                    + "; items keep their last known target RPO");
            return cache.known();
        }
        List<ReplicationPolicy> read = new ArrayList<>();
        for (JsonNode policy : listing.items()) {
            try {
                read.add(ReplicationPolicy.of(policy));
            } catch (UnusableItemException e) {
                snapshot.skipped("vault " + vault.label() + ": " + e.getMessage());
            }
        }
        if (listing.truncated()) {
            snapshot.unreadable(EventType.REPLICATION_STATUS, vault.policyScope(), "more than " + settings.maxPages()
                    + " pages of replication policies: raise " + endpoint.vendor().key() + ".max-pages");
            read.addAll(cache.known().values());
        }
        cache.read(read, named);
        return cache.known();
    }

    /** VM states every {@code vm-state-every} polls or when the set of VMs changed; the last ones in between. */
    private void readVms(Set<String> vmIds, Snapshot.Builder snapshot) throws CollectorException {
        boolean due = polls % settings.vmStateEvery() == 0 || !vmIds.equals(cachedVmIds);
        if (vmIds.isEmpty()) {
            cachedVmIds = Set.of();
            cachedVmStates = List.of();
            return;
        }
        if (!due) {
            cachedVmStates.forEach(snapshot::state);
            return;
        }
        String path = "/subscriptions/" + settings.subscriptionId()
                + "/providers/Microsoft.Compute/virtualMachines?api-version=" + COMPUTE_API_VERSION + "&statusOnly=true";
        List<VmState> states = new ArrayList<>();
        try {
            for (JsonNode vm : arm.list(path, settings.maxPages()).items()) {
                String id = AzureVmMapper.id(vm);
                if (id == null || !vmIds.contains(id)) {
                    continue;
                }
                try {
                    states.add(withHealth(vm));
                } catch (UnusableItemException e) {
                    snapshot.skipped(e.getMessage());
                    snapshot.partial(EventType.VM_STATE);
                }
            }
        } catch (RuntimeException e) {
            CollectorException failure = failures.classify("reading VM power states", e);
            if (ArmFailures.rejectsCredentials(e)) {
                throw failure;
            }
            snapshot.partial(EventType.VM_STATE);
            snapshot.unreadable(EventType.VM_STATE, VM_SCOPE, failure.getMessage());
            return;
        }
        cachedVmIds = Set.copyOf(vmIds);
        cachedVmStates = List.copyOf(states);
        states.forEach(snapshot::state);
    }

    private VmState withHealth(JsonNode vm) {
        String path = text(vm, "id") + "/providers/Microsoft.ResourceHealth/availabilityStatuses/current?api-version="
                + RESOURCE_HEALTH_API_VERSION;
        try {
            return vms.map(vm, arm.get(path), null);
        } catch (UnusableItemException e) {
            throw e;
        } catch (RuntimeException e) {
            if (ArmFailures.rejectsCredentials(e)) {
                throw e;
            }
            return vms.map(vm, null, failures.classify("Resource Health", e).getMessage());
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
