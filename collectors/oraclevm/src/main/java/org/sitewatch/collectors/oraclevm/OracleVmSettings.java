package org.sitewatch.collectors.oraclevm;

import java.net.URI;
import java.nio.file.Path;
import org.sitewatch.collectors.spi.http.JsonHttpClient;
import org.sitewatch.collectors.spi.settings.InvalidSettingException;
import org.sitewatch.collectors.spi.settings.Redactor;
import org.sitewatch.collectors.spi.settings.Required;
import org.sitewatch.collectors.spi.settings.UserPassword;

/**
 * An endpoint's Oracle VM block, {@code sitewatch.collectors.endpoints[n].oraclevm.*}: one Oracle VM
 * Manager 3.4.
 *
 * @param url the Manager, e.g. {@code https://ovmm.example.org:7002}; the REST root
 *     {@code /ovm/core/wsapi/rest} is added unless the URL already ends with it
 * @param login an Oracle VM Manager account (reads only); the password best from
 *     {@code login.password-env} or {@code login.password-file}
 * @param caFile PEM file of the CA that signed the Manager's certificate; null for the JVM's trust store
 * @param insecureSkipTlsVerify accept any certificate (labs only; logged as a warning)
 * @param maxResponseBytes the largest answer read (default 32 MiB; {@code /Vm} is the largest, a few KiB per VM)
 */
public record OracleVmSettings(
        @Required(example = "https://ovmm.example.org:7002") URI url,
        @Required UserPassword login,
        Path caFile,
        boolean insecureSkipTlsVerify,
        Long maxResponseBytes) {

    /** The Web Services REST API's root below the Manager's address. */
    static final String REST_ROOT = "/ovm/core/wsapi/rest";

    public OracleVmSettings {
        if (!"https".equals(url.getScheme()) && !"http".equals(url.getScheme())) {
            throw new InvalidSettingException("url", "must start with https:// (e.g. https://ovmm.example.org:7002)");
        }
        if (url.getUserInfo() != null) {
            throw new InvalidSettingException("url", "must not hold a user or password: give them as login.username "
                    + "and login.password-env (or login.password-file)");
        }
        if (login.username().contains(":")) {
            throw new InvalidSettingException("login.username", "must not contain ':' (HTTP Basic cannot carry it)");
        }
        maxResponseBytes = maxResponseBytes == null ? JsonHttpClient.DEFAULT_MAX_RESPONSE_BYTES : maxResponseBytes;
        if (maxResponseBytes < 1024) {
            throw new InvalidSettingException("max-response-bytes", "must be at least 1024 but was " + maxResponseBytes);
        }
    }

    /** The REST root: {@link #url()} with {@value #REST_ROOT} added unless it already ends with it. */
    URI restRoot() {
        String text = url.toString();
        while (text.endsWith("/")) {
            text = text.substring(0, text.length() - 1);
        }
        return URI.create(text.endsWith(REST_ROOT) ? text : text + REST_ROOT);
    }

    /** Safe to log: secrets show only their origin, URLs lose user info and secret parameters. */
    @Override
    public String toString() {
        return Redactor.describe(this);
    }
}
