package org.sitewatch.collectors.azure;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.sitewatch.collectors.spi.http.BoundedAnswers;
import org.sitewatch.collectors.spi.settings.InvalidSettingException;
import org.sitewatch.collectors.spi.settings.Redactor;
import org.sitewatch.collectors.spi.settings.Required;
import org.sitewatch.collectors.spi.settings.Secret;

/**
 * An endpoint's Azure block, {@code sitewatch.collectors.endpoints[n].azure.*}: one subscription
 * read by one service principal (OAuth2 client credentials).
 *
 * @param tenantId the Microsoft Entra tenant (directory) id
 * @param clientId the service principal's application id
 * @param clientSecret its secret; best from {@code client-secret-env} or {@code client-secret-file}
 * @param subscriptionId the subscription holding the Recovery Services vaults and the VMs
 * @param vaults the vaults to read; empty to read every vault the subscription lists
 * @param url one origin serving both the authority and ARM (Azure Stack Hub style, or the simulator);
 *     when given it is the default of {@code authority-host} and {@code resource-manager-endpoint}, and
 *     what heartbeats show as the endpoint's address
 * @param authorityHost the token authority (default public Azure, {@code https://login.microsoftonline.com/});
 *     another value (a sovereign cloud, the simulator) turns MSAL instance discovery off
 * @param resourceManagerEndpoint the ARM root (default {@code https://management.azure.com/}); the
 *     token scope is its origin followed by {@code /.default}
 * @param caFile PEM of the CA to trust instead of the JVM's (a TLS-intercepting proxy, the simulator)
 * @param insecureSkipTlsVerify accept any certificate (labs and tests only)
 * @param sites an Azure region id ({@code westeurope}) or an on-premises fabric / server name as ASR
 *     shows it, to its Sitewatch site; matched without regard to case. An unmapped region is its own
 *     site name (the endpoint's site for the endpoint's own region); an unmapped on-premises fabric
 *     is never guessed
 * @param maxPages the most pages one list call follows (default 100); beyond it the vault is a partial read
 * @param vmStateEvery every how many polls VM power state and Resource Health are read again (default 4)
 * @param policyEvery every how many polls a vault's replication policies are read again (default 10);
 *     a policy an item names that is not known yet is read at once
 * @param maxResponseBytes the largest answer read, token and ARM answers alike (default 32 MiB; an ARM
 *     page is a few hundred KiB); past it the read stops and the poll fails naming this key
 */
public record AzureSettings(
        @Required(example = "00000000-0000-0000-0000-000000000000") String tenantId,
        @Required String clientId,
        @Required Secret clientSecret,
        @Required(example = "00000000-0000-0000-0000-000000000000") String subscriptionId,
        List<Vault> vaults,
        URI url,
        URI authorityHost,
        URI resourceManagerEndpoint,
        Path caFile,
        boolean insecureSkipTlsVerify,
        Map<String, String> sites,
        Integer maxPages,
        Integer vmStateEvery,
        Integer policyEvery,
        Long maxResponseBytes) {

    public static final URI PUBLIC_AUTHORITY_HOST = URI.create("https://login.microsoftonline.com/");
    public static final URI PUBLIC_RESOURCE_MANAGER = URI.create("https://management.azure.com/");
    static final int DEFAULT_MAX_PAGES = 100;
    static final int DEFAULT_VM_STATE_EVERY = 4;
    static final int DEFAULT_POLICY_EVERY = 10;
    /** What ARM accepts in a path segment here: no slash, no query or fragment characters, no spaces. */
    /**
     * The contract's rule for site names (EventValidator.SITE_NAME, which a vendor module cannot load:
     * it belongs to the Kafka-bound part of the contract).
     */
    static final Pattern SITE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._()-]*");

    /** One Recovery Services vault by its resource group and name. */
    public record Vault(@Required String resourceGroup, @Required String name) {
        public Vault {
            checkSegment("resource-group", resourceGroup);
            checkSegment("name", name);
        }
    }

    public AzureSettings {
        checkSegment("tenant-id", tenantId);
        checkSegment("subscription-id", subscriptionId);
        if (clientId.isBlank()) {
            throw new InvalidSettingException("client-id", "must not be blank");
        }
        if (clientSecret.reveal().isBlank()) {
            throw new InvalidSettingException("client-secret", "is empty in " + clientSecret.origin());
        }
        vaults = vaults == null ? List.of() : List.copyOf(vaults);
        if (url != null) {
            url = https("url", url);
        }
        authorityHost = https("authority-host", authorityHost != null ? authorityHost
                : url != null ? url : PUBLIC_AUTHORITY_HOST);
        resourceManagerEndpoint = https("resource-manager-endpoint", resourceManagerEndpoint != null
                ? resourceManagerEndpoint : url != null ? url : PUBLIC_RESOURCE_MANAGER);
        Map<String, String> byLowerName = new TreeMap<>();
        if (sites != null) {
            sites.forEach((name, site) -> {
                if (site == null || !SITE_NAME.matcher(site.trim()).matches()) {
                    throw new InvalidSettingException("sites." + name, "must be a Sitewatch site name ("
                            + SITE_NAME.pattern() + ") but was '" + site + "'");
                }
                byLowerName.put(name.toLowerCase(Locale.ROOT), site.trim());
            });
        }
        sites = Map.copyOf(byLowerName);
        maxPages = maxPages == null ? DEFAULT_MAX_PAGES : maxPages;
        if (maxPages < 1) {
            throw new InvalidSettingException("max-pages", "must be at least 1 but was " + maxPages);
        }
        vmStateEvery = vmStateEvery == null ? DEFAULT_VM_STATE_EVERY : vmStateEvery;
        if (vmStateEvery < 1) {
            throw new InvalidSettingException("vm-state-every", "must be at least 1 but was " + vmStateEvery);
        }
        maxResponseBytes = maxResponseBytes == null ? BoundedAnswers.DEFAULT_MAX_BYTES : maxResponseBytes;
        if (maxResponseBytes < 1024) {
            throw new InvalidSettingException("max-response-bytes", "must be at least 1024 but was " + maxResponseBytes);
        }
        policyEvery = policyEvery == null ? DEFAULT_POLICY_EVERY : policyEvery;
        if (policyEvery < 1) {
            throw new InvalidSettingException("policy-every", "must be at least 1 but was " + policyEvery);
        }
    }

    /** The configured site of a region or on-premises fabric name, ignoring case. */
    public Optional<String> siteOf(String name) {
        return name == null ? Optional.empty() : Optional.ofNullable(sites.get(name.toLowerCase(Locale.ROOT)));
    }

    /** Whether the authority is public Azure's, where MSAL may validate it by instance discovery. */
    boolean publicAuthority() {
        return PUBLIC_AUTHORITY_HOST.getHost().equalsIgnoreCase(authorityHost.getHost());
    }

    /** The OAuth2 scope of ARM tokens: the resource manager's origin with {@code /.default}. */
    String tokenScope() {
        URI r = resourceManagerEndpoint;
        return r.getScheme() + "://" + r.getHost() + (r.getPort() == -1 ? "" : ":" + r.getPort()) + "/.default";
    }

    /** Safe to log: secrets show only their origin, URLs lose user info and secret parameters. */
    @Override
    public String toString() {
        return Redactor.describe(this);
    }

    private static void checkSegment(String key, String value) {
        if (!SEGMENT.matcher(value).matches()) {
            throw new InvalidSettingException(key, "must be one ARM path segment (letters, digits, '.', '_', '-', "
                    + "'(', ')') but was '" + value + "'");
        }
    }

    private static URI https(String key, URI uri) {
        if (!"https".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
            // The SDK's bearer-token policy refuses to send a token over plain HTTP.
            throw new InvalidSettingException(key, "must be an https:// URL but was '" + uri + "'");
        }
        return uri;
    }
}
