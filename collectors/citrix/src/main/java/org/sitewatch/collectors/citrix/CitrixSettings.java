package org.sitewatch.collectors.citrix;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.sitewatch.collectors.spi.http.JsonHttpClient;
import org.sitewatch.collectors.spi.settings.InvalidSettingException;
import org.sitewatch.collectors.spi.settings.Redactor;
import org.sitewatch.collectors.spi.settings.Required;
import org.sitewatch.collectors.spi.settings.Secret;

/**
 * An endpoint's Citrix block, {@code sitewatch.collectors.endpoints[n].citrix.*}: one Monitor
 * Service (a Citrix DaaS customer, or an on-premises Virtual Apps and Desktops site).
 *
 * @param mode {@code cloud} (default): Citrix DaaS through the API gateway, {@code <url>/monitorodata},
 *     with a client-credentials token; {@code on-prem}: a Delivery Controller's Monitor Service,
 *     {@code <url>/Citrix/Monitor/OData/v4/Data}, with an NTLM login
 * @param url cloud: the API gateway, e.g. {@code https://api-eu.cloud.com}; on-prem: the Monitor
 *     Service host, e.g. {@code https://ddc01.corp.example}
 * @param customerId cloud: the Citrix Cloud customer id, sent as {@code Citrix-CustomerId}
 * @param clientId cloud: the API client's id
 * @param clientSecret cloud: its secret; best from {@code client-secret-env} or {@code client-secret-file}
 * @param tokenUrl cloud: the token endpoint (default {@code <url>/cctrustoauth2/root/tokens/clients})
 * @param domain on-prem: the account's NetBIOS or DNS domain
 * @param username on-prem: a Windows account with read access to the Monitor Service (a Director /
 *     read-only administrator)
 * @param password on-prem: its password; best from {@code password-env} or {@code password-file}
 * @param groupBy what one {@code ha.cluster} is: {@code delivery-group} (default) or {@code endpoint}
 *     (every machine the endpoint lists, e.g. a zone or site watched as a whole)
 * @param registeredThreshold the least registered share, in percent, of the machines expected to
 *     serve, below which a group is degraded (default 80)
 * @param maxThrottleWait the longest {@code Retry-After} of an HTTP 429 waited for once inside a poll
 *     (default 10 s); a longer one, or a second 429, fails the poll as throttled
 * @param maxPages the most pages of 100 machines one poll follows (default 100)
 * @param caFile PEM of the CA to trust instead of the JVM's
 * @param insecureSkipTlsVerify accept any certificate (labs only)
 * @param maxResponseBytes the largest answer read (default 32 MiB)
 */
public record CitrixSettings(
        Mode mode,
        @Required(example = "https://api-eu.cloud.com") URI url,
        String customerId,
        String clientId,
        Secret clientSecret,
        URI tokenUrl,
        String domain,
        String username,
        Secret password,
        GroupBy groupBy,
        Integer registeredThreshold,
        Duration maxThrottleWait,
        Integer maxPages,
        Path caFile,
        boolean insecureSkipTlsVerify,
        Long maxResponseBytes) {

    /** Where the Monitor Service is and how it is logged in to. */
    public enum Mode { CLOUD, ON_PREM }

    /** What one {@code ha.cluster} stands for. */
    public enum GroupBy { DELIVERY_GROUP, ENDPOINT }

    static final String TOKEN_PATH = "/cctrustoauth2/root/tokens/clients";
    static final String CLOUD_DATA_PATH = "/monitorodata";
    static final String ON_PREM_DATA_PATH = "/Citrix/Monitor/OData/v4/Data";
    static final int DEFAULT_THRESHOLD = 80;
    static final Duration DEFAULT_MAX_THROTTLE_WAIT = Duration.ofSeconds(10);
    static final int DEFAULT_MAX_PAGES = 100;

    public CitrixSettings {
        mode = mode == null ? Mode.CLOUD : mode;
        if (!"https".equalsIgnoreCase(url.getScheme()) && !"http".equalsIgnoreCase(url.getScheme())
                || url.getHost() == null) {
            throw new InvalidSettingException("url", "must be an https:// URL (e.g. https://api-eu.cloud.com) but was '"
                    + url + "'");
        }
        url = URI.create(url.toString().replaceAll("/+$", ""));
        if (mode == Mode.CLOUD) {
            require("customer-id", customerId, "cloud");
            require("client-id", clientId, "cloud");
            requireSecret("client-secret", clientSecret, "cloud");
            refuse("domain", domain, "on-prem");
            refuse("username", username, "on-prem");
            refuse("password", password, "on-prem");
            tokenUrl = tokenUrl != null ? tokenUrl : URI.create(url + TOKEN_PATH);
        } else {
            require("domain", domain, "on-prem");
            require("username", username, "on-prem");
            requireSecret("password", password, "on-prem");
            refuse("customer-id", customerId, "cloud");
            refuse("client-id", clientId, "cloud");
            refuse("client-secret", clientSecret, "cloud");
            refuse("token-url", tokenUrl, "cloud");
        }
        groupBy = groupBy == null ? GroupBy.DELIVERY_GROUP : groupBy;
        registeredThreshold = registeredThreshold == null ? DEFAULT_THRESHOLD : registeredThreshold;
        if (registeredThreshold < 1 || registeredThreshold > 100) {
            throw new InvalidSettingException("registered-threshold", "must be a percentage from 1 to 100 but was "
                    + registeredThreshold);
        }
        maxThrottleWait = maxThrottleWait == null ? DEFAULT_MAX_THROTTLE_WAIT : maxThrottleWait;
        if (maxThrottleWait.isNegative()) {
            throw new InvalidSettingException("max-throttle-wait", "must not be negative but was " + maxThrottleWait);
        }
        maxPages = maxPages == null ? DEFAULT_MAX_PAGES : maxPages;
        if (maxPages < 1) {
            throw new InvalidSettingException("max-pages", "must be at least 1 but was " + maxPages);
        }
        maxResponseBytes = maxResponseBytes == null ? JsonHttpClient.DEFAULT_MAX_RESPONSE_BYTES : maxResponseBytes;
        if (maxResponseBytes < 1024) {
            throw new InvalidSettingException("max-response-bytes", "must be at least 1024 but was " + maxResponseBytes);
        }
    }

    /** The OData service root the entity sets are below. */
    URI dataRoot() {
        return URI.create(url + (mode == Mode.CLOUD ? CLOUD_DATA_PATH : ON_PREM_DATA_PATH));
    }

    private static void require(String key, String value, String mode) {
        if (value == null || value.isBlank()) {
            throw new InvalidSettingException(key, "is required with mode " + mode);
        }
    }

    private static void requireSecret(String key, Secret value, String mode) {
        if (value == null) {
            throw new InvalidSettingException(key, "is required with mode " + mode + " (" + key + ", " + key + "-env or "
                    + key + "-file)");
        }
        if (value.reveal().isBlank()) {
            throw new InvalidSettingException(key, "is empty in " + value.origin());
        }
    }

    private static void refuse(String key, Object value, String itsMode) {
        if (value != null) {
            throw new InvalidSettingException(key, "belongs to mode " + itsMode + ", not to this endpoint's mode");
        }
    }

    /** Safe to log: secrets show only their origin, URLs lose user info and secret parameters. */
    @Override
    public String toString() {
        return Redactor.describe(this);
    }
}
