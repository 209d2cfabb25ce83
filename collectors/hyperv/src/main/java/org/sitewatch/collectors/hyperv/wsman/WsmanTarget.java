package org.sitewatch.collectors.hyperv.wsman;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import javax.net.ssl.SSLContext;
import org.sitewatch.collectors.spi.settings.Redactor;

/**
 * One WinRM listener and how to talk to it.
 *
 * @param url the listener, e.g. {@code https://hv-a1.corp.example:5986/wsman}
 * @param sslContext trust for the listener's certificate; null for the JVM's trust store
 * @param allowUnencrypted accept an {@code http://} url (labs, or a service with
 *     {@code AllowUnencrypted=true}); credentials and output then travel in clear
 * @param operationTimeout the WS-Management {@code OperationTimeout} of each request; a receive
 *     that sees no output for that long ends with {@code w:TimedOut} and is simply repeated
 * @param maxEnvelopeBytes the largest answer accepted for one request (also sent as
 *     {@code MaxEnvelopeSize})
 * @param maxOutputBytes the largest stdout (and, separately, stderr) accepted from one script
 * @param settingsBlock the settings key prefix named in messages, e.g. {@code sitewatch.collectors.endpoints[0].hyperv}
 */
public record WsmanTarget(URI url, WsmanAuth auth, SSLContext sslContext, boolean allowUnencrypted,
                          Duration operationTimeout, long maxEnvelopeBytes, long maxOutputBytes,
                          String settingsBlock) {

    public static final Duration DEFAULT_OPERATION_TIMEOUT = Duration.ofSeconds(20);
    public static final long DEFAULT_MAX_ENVELOPE_BYTES = 512 * 1024;
    public static final long DEFAULT_MAX_OUTPUT_BYTES = 32L * 1024 * 1024;

    public WsmanTarget {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(auth, "auth");
        settingsBlock = settingsBlock == null ? "winrm" : settingsBlock;
        operationTimeout = operationTimeout == null ? DEFAULT_OPERATION_TIMEOUT : operationTimeout;
        if (!"https".equalsIgnoreCase(url.getScheme()) && !"http".equalsIgnoreCase(url.getScheme())) {
            throw new IllegalArgumentException(settingsBlock + ".url: must be an http(s) WinRM listener, e.g. "
                    + "https://hv-a1.corp.example:5986/wsman, but was " + url);
        }
        if ("http".equalsIgnoreCase(url.getScheme()) && !allowUnencrypted) {
            throw new IllegalArgumentException(settingsBlock + ".url: " + url + " is plain HTTP, so the credentials "
                    + "and the script's output would travel unencrypted: use the HTTPS listener "
                    + "(https://<host>:5986/wsman) or set " + settingsBlock + ".allow-unencrypted: true");
        }
        if (operationTimeout.isNegative() || operationTimeout.toSeconds() < 1) {
            throw new IllegalArgumentException(settingsBlock + ".operation-timeout: must be at least 1s but was "
                    + operationTimeout);
        }
        if (maxEnvelopeBytes <= 0) {
            maxEnvelopeBytes = DEFAULT_MAX_ENVELOPE_BYTES;
        }
        if (maxOutputBytes <= 0) {
            maxOutputBytes = DEFAULT_MAX_OUTPUT_BYTES;
        }
    }

    /** An HTTPS target with the default limits and the JVM's trust store. */
    public static WsmanTarget https(URI url, WsmanAuth auth) {
        return new WsmanTarget(url, auth, null, false, null, 0, 0, null);
    }

    /** Safe to log: secrets show only their origin, URLs lose user info and secret parameters. */
    @Override
    public String toString() {
        return Redactor.describe(this);
    }
}
