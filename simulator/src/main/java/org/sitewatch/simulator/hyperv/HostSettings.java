package org.sitewatch.simulator.hyperv;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.sitewatch.simulator.ClusterSpec;

/**
 * The Hyper-V settings of a simulated cluster, from its vendor keys: the local account the
 * listeners accept over HTTP Basic ({@code username}, {@code password}, with defaults) and the DNS
 * {@code domain} of its hosts (default {@code <site>.example}), which names the replica servers
 * ({@code ReplicaServerName}). With {@code kerberos-keytab} (the service's keytab) the listeners
 * also accept Kerberos logins, under WinRM's {@code Kerberos} and {@code Negotiate} schemes, for
 * {@code kerberos-principal} (default {@code HTTP/localhost@<DOMAIN>}: the simulated listeners are
 * on the loopback, and the realm is the domain in capitals as in Active Directory); Basic stays accepted.
 * {@link #toString()} hides the password.
 */
record HostSettings(String username, String password, String domain, Path kerberosKeytab, String kerberosPrincipal) {

    static final String USERNAME = "username";
    static final String PASSWORD = "password";
    static final String DOMAIN = "domain";
    static final String KERBEROS_KEYTAB = "kerberos-keytab";
    static final String KERBEROS_PRINCIPAL = "kerberos-principal";
    static final List<String> KEYS = List.of(USERNAME, PASSWORD, DOMAIN, KERBEROS_KEYTAB, KERBEROS_PRINCIPAL);
    static final String DEFAULT_USERNAME = "sitewatch";
    static final String DEFAULT_PASSWORD = "sitewatch-simulated";

    static HostSettings of(ClusterSpec cluster) {
        String domain = cluster.vendorSetting(DOMAIN, cluster.site().toLowerCase(Locale.ROOT) + ".example");
        String keytab = cluster.vendorSetting(KERBEROS_KEYTAB, null);
        return new HostSettings(cluster.vendorSetting(USERNAME, DEFAULT_USERNAME),
                cluster.vendorSetting(PASSWORD, DEFAULT_PASSWORD), domain, keytab == null ? null : Path.of(keytab),
                cluster.vendorSetting(KERBEROS_PRINCIPAL, "HTTP/localhost@" + domain.toUpperCase(Locale.ROOT)));
    }

    /** True when the listeners accept Kerberos logins. */
    boolean kerberos() {
        return kerberosKeytab != null;
    }

    /** @throws IllegalArgumentException saying what is wrong with the value */
    static void check(String key, String value) {
        switch (key) {
            case USERNAME, PASSWORD -> {
                if (value.isBlank()) {
                    throw new IllegalArgumentException("must not be empty");
                }
            }
            case DOMAIN -> {
                if (!value.matches("[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+")) {
                    throw new IllegalArgumentException("must be a DNS domain like corp.example, got '" + value + "'");
                }
            }
            case KERBEROS_KEYTAB -> {
                if (!Files.isRegularFile(Path.of(value))) {
                    throw new IllegalArgumentException("must be the listeners' service keytab, but " + value
                            + " is no file");
                }
            }
            case KERBEROS_PRINCIPAL -> {
                if (!value.matches("[^/@\\s]+/[^/@\\s]+@[^/@\\s]+")) {
                    throw new IllegalArgumentException("must be a service principal with its realm, like "
                            + "HTTP/localhost@PARIS.EXAMPLE, got '" + value + "'");
                }
            }
            default -> throw new IllegalArgumentException("not a Hyper-V setting");
        }
    }

    /** A host's DNS name, as Hyper-V Replica names primary and replica servers. */
    String fqdn(String node) {
        return node.toLowerCase(Locale.ROOT) + "." + domain;
    }

    @Override
    public String toString() {
        return "HostSettings[username=" + username + ", password=***, domain=" + domain
                + (kerberos() ? ", kerberos-keytab=" + kerberosKeytab + ", kerberos-principal=" + kerberosPrincipal : "")
                + "]";
    }
}
