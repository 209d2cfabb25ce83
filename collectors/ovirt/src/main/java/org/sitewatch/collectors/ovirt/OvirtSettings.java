package org.sitewatch.collectors.ovirt;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.sitewatch.collectors.spi.http.JsonHttpClient;
import org.sitewatch.collectors.spi.settings.InvalidSettingException;
import org.sitewatch.collectors.spi.settings.Redactor;
import org.sitewatch.collectors.spi.settings.Required;
import org.sitewatch.collectors.spi.settings.UserPassword;

/**
 * An endpoint's oVirt block, {@code sitewatch.collectors.endpoints[n].ovirt.*}, as bound by the SPI's
 * settings binder.
 *
 * @param url the engine's address, e.g. {@code https://engine.example.com}; {@code /ovirt-engine/api}
 *     is added (a URL already ending in {@code /ovirt-engine} or {@code /ovirt-engine/api} is taken as it is)
 * @param login {@code username} as {@code user@domain} (e.g. {@code sitewatch@internal}) and its
 *     password, best from {@code password-env} or {@code password-file}; read-only rights suffice
 * @param caFile PEM of the CA that signed the engine's certificate (on the engine:
 *     {@code /etc/pki/ovirt-engine/ca.pem}); null for the JVM's trust store
 * @param insecureSkipTlsVerify accept any certificate (labs only; logged as a warning)
 * @param dataCenterSites data center name → site, for data centers that stand in another site than
 *     the endpoint's (the default for every other one)
 * @param drMappings the storage-domain disaster recovery pairs to report as replication items
 * @param eventPage events asked per read of {@code /events} (default 100)
 * @param maxResponseBytes the largest answer read (default 32 MiB)
 */
public record OvirtSettings(
        @Required(example = "https://engine.example.com") URI url,
        @Required UserPassword login,
        Path caFile,
        boolean insecureSkipTlsVerify,
        Map<String, String> dataCenterSites,
        List<DrMapping> drMappings,
        Integer eventPage,
        Long maxResponseBytes) {

    static final int DEFAULT_EVENT_PAGE = 100;
    private static final String API = "/ovirt-engine/api";

    public OvirtSettings {
        if (!"https".equals(url.getScheme()) && !"http".equals(url.getScheme())) {
            throw new InvalidSettingException("url", "must start with https:// (e.g. https://engine.example.com)");
        }
        if (!login.username().contains("@")) {
            throw new InvalidSettingException("login.username", "must be user@domain (e.g. sitewatch@internal) but was '"
                    + login.username() + "'");
        }
        dataCenterSites = dataCenterSites == null ? Map.of() : Map.copyOf(dataCenterSites);
        drMappings = drMappings == null ? List.of() : List.copyOf(drMappings);
        eventPage = eventPage == null ? DEFAULT_EVENT_PAGE : eventPage;
        if (eventPage < 1 || eventPage > 1000) {
            throw new InvalidSettingException("event-page", "must be from 1 to 1000 but was " + eventPage);
        }
        maxResponseBytes = maxResponseBytes == null ? JsonHttpClient.DEFAULT_MAX_RESPONSE_BYTES : maxResponseBytes;
        if (maxResponseBytes < 1024) {
            throw new InvalidSettingException("max-response-bytes", "must be at least 1024 but was " + maxResponseBytes);
        }
    }

    /** The engine's root, {@code <scheme>://<host>[:port][/prefix]/ovirt-engine}, without a trailing slash. */
    URI engineRoot() {
        String text = url.toString().replaceAll("/+$", "");
        if (text.endsWith(API)) {
            text = text.substring(0, text.length() - "/api".length());
        } else if (!text.endsWith("/ovirt-engine")) {
            text = text + "/ovirt-engine";
        }
        return URI.create(text);
    }

    /** The REST API v4 root below the engine. */
    URI apiRoot() {
        return URI.create(engineRoot() + "/api");
    }

    /**
     * One storage-domain pair of oVirt's active-passive disaster recovery, as the DR mapping file
     * pairs them: the array replicates {@code primary} to {@code secondary}.
     *
     * @param primary the storage domain's name on the primary site
     * @param secondary the name of its replica's storage domain
     * @param secondarySite the site the replica stands in
     */
    public record DrMapping(@Required(example = "data-rome") String primary,
                            @Required(example = "data-rome-replica") String secondary,
                            @Required(example = "madrid-dr") String secondarySite) {
    }

    /** Safe to log: secrets show only their origin, URLs lose user info and secret parameters. */
    @Override
    public String toString() {
        return Redactor.describe(this);
    }
}
