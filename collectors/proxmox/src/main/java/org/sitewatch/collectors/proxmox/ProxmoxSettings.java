package org.sitewatch.collectors.proxmox;

import java.net.URI;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.sitewatch.collectors.spi.http.JsonHttpClient;
import org.sitewatch.collectors.spi.settings.InvalidSettingException;
import org.sitewatch.collectors.spi.settings.Redactor;
import org.sitewatch.collectors.spi.settings.Required;
import org.sitewatch.collectors.spi.settings.Secret;

/**
 * An endpoint's Proxmox VE block, {@code sitewatch.collectors.endpoints[n].proxmox.*}, as bound
 * and checked by the SPI's settings binder.
 *
 * @param url the API root of any node of the cluster, e.g. {@code https://pve1:8006/api2/json}
 *     (any prefix works, e.g. a reverse proxy's {@code https://proxy/paris/api2/json})
 * @param apiToken {@code USER@REALM!TOKENID=SECRET} of a token with the PVEAuditor role on {@code /};
 *     best from {@code api-token-env} or {@code api-token-file}
 * @param caFile PEM file of the CA that signed the nodes' certificates (on a node:
 *     {@code /etc/pve/pve-root-ca.pem}); null for the JVM's trust store
 * @param insecureSkipTlsVerify accept any certificate (labs only; logged as a warning)
 * @param criticalFailCount failed syncs in a row from which a failing job is CRITICAL (default 2)
 * @param maxResponseBytes the largest answer read (default 32 MiB; a cluster's resources are the
 *     largest, about 1 KiB per guest)
 */
public record ProxmoxSettings(
        @Required(example = "https://pve1:8006/api2/json") URI url,
        @Required Secret apiToken,
        Path caFile,
        boolean insecureSkipTlsVerify,
        Integer criticalFailCount,
        Long maxResponseBytes) {

    static final int DEFAULT_CRITICAL_FAIL_COUNT = 2;
    /** PVE's token form: user@realm!tokenid=secret. */
    private static final Pattern TOKEN = Pattern.compile("[^@!=\\s]+@[^@!=\\s]+![A-Za-z][A-Za-z0-9._-]*=\\S+");

    public ProxmoxSettings {
        if (!"https".equals(url.getScheme()) && !"http".equals(url.getScheme())) {
            throw new InvalidSettingException("url", "must start with https:// (e.g. https://pve1:8006/api2/json)");
        }
        if (!TOKEN.matcher(apiToken.reveal()).matches()) {
            throw new InvalidSettingException("api-token", "must look like USER@REALM!TOKENID=SECRET (e.g. "
                    + "monitor@pve!sitewatch=<uuid>); the value from " + apiToken.origin()
                    + " does not (not shown, it is a secret)");
        }
        criticalFailCount = criticalFailCount == null ? DEFAULT_CRITICAL_FAIL_COUNT : criticalFailCount;
        if (criticalFailCount < 1) {
            throw new InvalidSettingException("critical-fail-count", "must be at least 1 but was " + criticalFailCount);
        }
        maxResponseBytes = maxResponseBytes == null ? JsonHttpClient.DEFAULT_MAX_RESPONSE_BYTES : maxResponseBytes;
        if (maxResponseBytes < 1024) {
            throw new InvalidSettingException("max-response-bytes", "must be at least 1024 but was " + maxResponseBytes);
        }
    }

    /** Safe to log: secrets show only their origin, URLs lose user info and secret parameters. */
    @Override
    public String toString() {
        return Redactor.describe(this);
    }
}
