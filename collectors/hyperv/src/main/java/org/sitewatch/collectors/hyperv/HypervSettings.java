package org.sitewatch.collectors.hyperv;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import org.sitewatch.collectors.hyperv.wsman.WsmanAuth;
import org.sitewatch.collectors.hyperv.wsman.WsmanTarget;
import org.sitewatch.collectors.spi.settings.InvalidSettingException;
import org.sitewatch.collectors.spi.settings.Required;
import org.sitewatch.collectors.spi.settings.UserPassword;
import org.sitewatch.collectors.spi.settings.WindowsLogin;

/**
 * The Hyper-V block of an endpoint, {@code endpoints[n].hyperv.*}: one host's WinRM listener.
 *
 * @param url the WinRM listener, e.g. {@code https://hv-a1.corp.example:5986/wsman}
 * @param login a domain (or local: domain = the host name) account, NTLM only for now; Kerberos
 *     is refused with a message until it is implemented
 * @param basicLogin a local account over HTTP Basic instead (WinRM's {@code Auth/Basic} must be enabled)
 * @param caFile PEM file of the CA that signed the listener's certificate; null for the JVM's trust store
 * @param insecureSkipTlsVerify accept any certificate (labs only)
 * @param allowUnencrypted accept an {@code http://} url (the service must have {@code AllowUnencrypted=true})
 * @param sites where replica servers stand: a replica server's name as Get-VMReplication gives it
 *     ({@code ReplicaServerName}: a host, or a cluster's Replica Broker) to its Sitewatch site, e.g.
 *     {@code "[hv-b1.corp.example]": madrid-dr}. Matched ignoring case, by the full name and else by
 *     its first label (so {@code hv-b1} matches {@code hv-b1.corp.example} either way round). A host
 *     without outgoing replication needs none.
 * @param operationTimeout WS-Management OperationTimeout per request (default 20 s)
 * @param maxEnvelopeBytes the largest answer to one request (default 512 KiB)
 * @param maxOutputBytes the largest script output (default 32 MiB)
 */
public record HypervSettings(
        @Required(example = "https://hv-a1.corp.example:5986/wsman") URI url,
        WindowsLogin login,
        UserPassword basicLogin,
        Path caFile,
        boolean insecureSkipTlsVerify,
        boolean allowUnencrypted,
        Map<String, String> sites,
        Duration operationTimeout,
        Long maxEnvelopeBytes,
        Long maxOutputBytes) {

    public HypervSettings {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw new InvalidSettingException("url", "must be the host's WinRM listener, e.g. "
                    + "https://hv-a1.corp.example:5986/wsman");
        }
        if (scheme.equals("http") && !allowUnencrypted) {
            throw new InvalidSettingException("url", "is plain HTTP: use the HTTPS listener (port 5986) or set "
                    + "allow-unencrypted: true (the service must allow it too)");
        }
        if (url.getUserInfo() != null) {
            throw new InvalidSettingException("url", "must not hold a user or password: give them as login.*");
        }
        if ((login == null) == (basicLogin == null)) {
            throw new InvalidSettingException("login", "give exactly one of login (domain account, NTLM) and "
                    + "basic-login (local account)");
        }
        if (login != null && login.mechanism() == WindowsLogin.Mechanism.KERBEROS) {
            throw new InvalidSettingException("login.mechanism", "kerberos is not implemented by the Hyper-V collector "
                    + "yet: set mechanism: ntlm");
        }
        Map<String, String> byName = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : (sites == null ? Map.<String, String>of() : sites).entrySet()) {
            if (e.getKey() == null || e.getKey().isBlank()) {
                throw new InvalidSettingException("sites", "has an entry without a replica server name");
            }
            if (e.getValue() == null || e.getValue().isBlank()) {
                throw new InvalidSettingException("sites." + e.getKey(), "must name a Sitewatch site");
            }
            String previous = byName.put(e.getKey().trim().toLowerCase(Locale.ROOT), e.getValue().trim());
            if (previous != null && !previous.equals(e.getValue().trim())) {
                throw new InvalidSettingException("sites." + e.getKey(), "is given twice (names are compared ignoring "
                        + "case) with different sites: " + previous + " and " + e.getValue().trim());
            }
        }
        sites = Collections.unmodifiableMap(byName);
        operationTimeout = operationTimeout == null ? WsmanTarget.DEFAULT_OPERATION_TIMEOUT : operationTimeout;
        if (operationTimeout.toSeconds() < 1) {
            throw new InvalidSettingException("operation-timeout", "must be at least 1s but was " + operationTimeout);
        }
        maxEnvelopeBytes = positiveOr(maxEnvelopeBytes, WsmanTarget.DEFAULT_MAX_ENVELOPE_BYTES, "max-envelope-bytes");
        maxOutputBytes = positiveOr(maxOutputBytes, WsmanTarget.DEFAULT_MAX_OUTPUT_BYTES, "max-output-bytes");
    }

    /** The Sitewatch site of a replica server, by its full name, else by first labels; empty when {@code sites} lacks it. */
    public Optional<String> siteOf(String server) {
        if (server == null || server.isBlank()) {
            return Optional.empty();
        }
        String name = server.trim().toLowerCase(Locale.ROOT);
        String exact = sites.get(name);
        if (exact != null) {
            return Optional.of(exact);
        }
        String label = firstLabel(name);
        return sites.entrySet().stream().filter(e -> firstLabel(e.getKey()).equals(label)).map(Map.Entry::getValue)
                .findFirst();
    }

    /** The WS-Management target these settings describe; {@code block} is the settings key prefix for messages. */
    public WsmanTarget wsmanTarget(SSLContext sslContext, String block) {
        WsmanAuth auth = login != null
                ? new WsmanAuth.Ntlm(login.domain(), login.username(), login.password().reveal(), null)
                : new WsmanAuth.Basic(basicLogin.username(), basicLogin.password().reveal());
        return new WsmanTarget(url, auth, sslContext, allowUnencrypted, operationTimeout, maxEnvelopeBytes,
                maxOutputBytes, block);
    }

    private static String firstLabel(String name) {
        int dot = name.indexOf('.');
        return dot < 0 ? name : name.substring(0, dot);
    }

    private static long positiveOr(Long value, long fallback, String key) {
        if (value == null) {
            return fallback;
        }
        if (value <= 0) {
            throw new InvalidSettingException(key, "must be positive but was " + value);
        }
        return value;
    }
}
