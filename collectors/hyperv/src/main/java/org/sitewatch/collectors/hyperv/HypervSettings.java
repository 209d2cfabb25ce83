package org.sitewatch.collectors.hyperv;

import java.net.URI;
import java.nio.file.Files;
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
import org.sitewatch.collectors.spi.settings.Redactor;
import org.sitewatch.collectors.spi.settings.Required;
import org.sitewatch.collectors.spi.settings.UserPassword;
import org.sitewatch.collectors.spi.settings.WindowsLogin;

/**
 * The Hyper-V block of an endpoint, {@code endpoints[n].hyperv.*}: one host's WinRM listener.
 *
 * @param url the WinRM listener, e.g. {@code https://hv-a1.corp.example:5986/wsman}
 * @param login a domain account by Kerberos (the default {@code mechanism}; {@code domain} is the
 *     realm, e.g. {@code CORP.EXAMPLE}, {@code username} the account or {@code account@REALM};
 *     {@code password*} or {@code keytab-file}; optional {@code service-principal} and
 *     {@code krb5-conf}) or by NTLM ({@code mechanism: ntlm}; also a local account: domain = the host name)
 * @param basicLogin a local account over HTTP Basic instead (WinRM's {@code Auth/Basic} must be enabled)
 * @param caFile PEM file of the CA that signed the listener's certificate; null for the JVM's trust store
 * @param insecureSkipTlsVerify accept any certificate (labs only)
 * @param allowUnencrypted accept an {@code http://} url (the service must have {@code AllowUnencrypted=true})
 * @param sites where replica servers stand: a replica server's name as Get-VMReplication gives it
 *     ({@code ReplicaServerName}: a host, or a cluster's Replica Broker) to its Sitewatch site, e.g.
 *     {@code "[hv-b1.corp.example]": madrid-dr}. Matched ignoring case, by the full name and else by
 *     its first label (so {@code hv-b1} matches {@code hv-b1.corp.example} either way round). A host
 *     without outgoing replication needs none.
 * @param nodeUrls the WinRM listeners of a failover cluster's other nodes, by node name as
 *     Get-ClusterNode gives it (matched ignoring case), e.g. {@code HV-A2: https://hv-a2.corp.example:5986/wsman}.
 *     Optional: a node not listed is asked at {@code url} with the host replaced by the node's name
 *     plus the domain of {@code url}'s host ({@code hv-a1.corp.example} → {@code hv-a2.corp.example}).
 *     Needed when the listeners do not follow that pattern (other ports, IP addresses, a proxy).
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
        Map<String, String> nodeUrls,
        Duration operationTimeout,
        Long maxEnvelopeBytes,
        Long maxOutputBytes) {

    public HypervSettings {
        checkScheme(url, allowUnencrypted, "url");
        if ((login == null) == (basicLogin == null)) {
            throw new InvalidSettingException("login", "give exactly one of login (domain account, Kerberos or "
                    + "NTLM) and basic-login (local account)");
        }
        if (login != null && login.mechanism() == WindowsLogin.Mechanism.KERBEROS) {
            checkKerberos(login);
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
        Map<String, URI> nodes = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : (nodeUrls == null ? Map.<String, String>of() : nodeUrls).entrySet()) {
            String key = "node-urls." + e.getKey();
            if (e.getKey() == null || e.getKey().isBlank()) {
                throw new InvalidSettingException("node-urls", "has an entry without a node name");
            }
            URI nodeUrl = parseUrl(e.getValue(), key);
            checkScheme(nodeUrl, allowUnencrypted, key);
            if (nodes.put(e.getKey().trim().toLowerCase(Locale.ROOT), nodeUrl) != null) {
                throw new InvalidSettingException(key, "is given twice (node names are compared ignoring case)");
            }
        }
        nodeUrls = Collections.unmodifiableMap(nodes.entrySet().stream().collect(LinkedHashMap::new,
                (m, e) -> m.put(e.getKey(), e.getValue().toString()), Map::putAll));
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
        return wsmanTarget(url, sslContext, block);
    }

    /**
     * The WinRM listener of a cluster node: {@code node-urls} by its name, else {@code url} with
     * the host replaced by the name plus the domain of {@code url}'s host (just the name when that
     * host is an IP address or has no domain).
     */
    public URI nodeUrl(String node) {
        String name = node.trim().toLowerCase(Locale.ROOT);
        String listed = nodeUrls.get(name);
        if (listed != null) {
            return URI.create(listed);
        }
        String host = url.getHost() == null ? "" : url.getHost().toLowerCase(Locale.ROOT);
        boolean ipAddress = host.startsWith("[") || host.matches("[0-9.]+");
        int dot = host.indexOf('.');
        String nodeHost = ipAddress || dot < 0 || name.contains(".") ? name : name + host.substring(dot);
        try {
            return new URI(url.getScheme(), null, nodeHost, url.getPort(), url.getPath(), url.getQuery(), null);
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException("cluster node name '" + node + "' does not make a URL: "
                    + e.getMessage() + " (list it in node-urls)", e);
        }
    }

    /** The WS-Management target of one listener (the endpoint's {@code url} or a node's) with a new login. */
    public WsmanTarget wsmanTarget(URI listener, SSLContext sslContext, String block) {
        return wsmanTarget(listener, wsmanAuth(), sslContext, block);
    }

    /**
     * The WS-Management target of one listener with {@code auth}: pass one {@link #wsmanAuth()} to
     * every listener of the endpoint so they share one Kerberos login (its TGT and service tickets).
     */
    public WsmanTarget wsmanTarget(URI listener, WsmanAuth auth, SSLContext sslContext, String block) {
        return new WsmanTarget(listener, auth, sslContext, allowUnencrypted, operationTimeout, maxEnvelopeBytes,
                maxOutputBytes, block);
    }

    /** A new login as these settings give it; a Kerberos one logs in to the KDC on its first use. */
    public WsmanAuth wsmanAuth() {
        if (basicLogin != null) {
            return new WsmanAuth.Basic(basicLogin.username(), basicLogin.password().reveal());
        }
        if (login.mechanism() == WindowsLogin.Mechanism.NTLM) {
            return new WsmanAuth.Ntlm(login.domain(), login.username(), login.password().reveal(), null);
        }
        return new WsmanAuth.Kerberos(kerberosPrincipal(login),
                login.password() == null ? null : login.password().reveal(), login.keytabFile(),
                login.servicePrincipal() == null ? null : login.servicePrincipal().trim(), login.krb5Conf());
    }

    /**
     * The Kerberos principal of a login: {@code username@DOMAIN}, the realm being the domain in
     * capitals as Active Directory names its realm; a username that already names the realm keeps it.
     */
    static String kerberosPrincipal(WindowsLogin login) {
        String user = login.username().trim();
        int at = user.lastIndexOf('@');
        String account = at < 0 ? user : user.substring(0, at);
        return account + "@" + login.domain().trim().toUpperCase(Locale.ROOT);
    }

    private static void checkKerberos(WindowsLogin login) {
        String user = login.username().trim();
        if (user.contains("\\")) {
            throw new InvalidSettingException("login.username", "DOMAIN\\user is NTLM's form: for kerberos give the "
                    + "account (svc-sitewatch) with login.domain as its realm (CORP.EXAMPLE), or account@REALM");
        }
        int at = user.lastIndexOf('@');
        if (at == 0 || at == user.length() - 1) {
            throw new InvalidSettingException("login.username", "must be an account name or account@REALM, e.g. "
                    + "svc-sitewatch@CORP.EXAMPLE, but was '" + user + "'");
        }
        String domain = login.domain().trim();
        if (!domain.matches("[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*")) {
            throw new InvalidSettingException("login.domain", "must be the Kerberos realm (the AD domain's DNS name, "
                    + "e.g. CORP.EXAMPLE) but was '" + domain + "'");
        }
        if (at > 0 && !user.substring(at + 1).equalsIgnoreCase(domain)) {
            throw new InvalidSettingException("login.username", "names realm " + user.substring(at + 1)
                    + " but login.domain is " + domain + ": give the same realm, or the account name alone");
        }
        if (login.keytabFile() != null) {
            checkReadableFile(login.keytabFile(), "login.keytab-file", "a keytab (ktpass /out, or ktutil)");
        }
        if (login.krb5Conf() != null) {
            checkReadableFile(login.krb5Conf(), "login.krb5-conf", "a krb5.conf naming the realm's KDCs");
        }
        String spn = login.servicePrincipal();
        if (spn != null && !spn.trim().matches("[^/@\\s]+/[^/@\\s]+(@[^/@\\s]+)?")) {
            throw new InvalidSettingException("login.service-principal", "must look like HTTP/hv-a1.corp.example "
                    + "(optionally @REALM), as setspn lists it, but was '" + spn + "'");
        }
    }

    private static void checkReadableFile(Path file, String key, String what) {
        if (!Files.isRegularFile(file)) {
            throw new InvalidSettingException(key, "must be " + what + ", but " + file
                    + (Files.exists(file) ? " is not a regular file" : " does not exist"));
        }
        if (!Files.isReadable(file)) {
            throw new InvalidSettingException(key, file + " cannot be read (permissions)");
        }
    }

    private static URI parseUrl(String value, String key) {
        if (value == null || value.isBlank()) {
            throw new InvalidSettingException(key, "must be a node's WinRM listener URL");
        }
        try {
            return new URI(value.trim());
        } catch (java.net.URISyntaxException e) {
            throw new InvalidSettingException(key, "is not a URL: " + e.getMessage());
        }
    }

    private static void checkScheme(URI url, boolean allowUnencrypted, String key) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw new InvalidSettingException(key, "must be the host's WinRM listener, e.g. "
                    + "https://hv-a1.corp.example:5986/wsman");
        }
        if (scheme.equals("http") && !allowUnencrypted) {
            throw new InvalidSettingException(key, "is plain HTTP: use the HTTPS listener (port 5986) or set "
                    + "allow-unencrypted: true (the service must allow it too)");
        }
        if (url.getUserInfo() != null) {
            throw new InvalidSettingException(key, "must not hold a user or password: give them as login.*");
        }
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

    /** Safe to log: secrets show only their origin, URLs lose user info and secret parameters. */
    @Override
    public String toString() {
        return Redactor.describe(this);
    }
}
