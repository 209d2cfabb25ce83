package org.sitewatch.collectors.storage;

import java.nio.file.Path;
import java.time.Duration;
import org.sitewatch.collectors.spi.settings.InvalidSettingException;
import org.sitewatch.collectors.spi.settings.Required;
import org.sitewatch.collectors.spi.settings.Secret;

/**
 * Where a command runs over SSH: public-key login only, the server's host key checked against a
 * known_hosts file.
 *
 * @param host the host name or address
 * @param port 22 by default
 * @param username the login
 * @param privateKey the OpenSSH or PEM private key (RSA or ECDSA; ed25519 needs Bouncy Castle or
 *     net.i2p eddsa on the class path), usually {@code private-key-file: /etc/sitewatch/id_ecdsa}
 * @param passphrase the key's passphrase; null when it has none
 * @param knownHosts the known_hosts file the host key must be listed in (OpenSSH format; hashed
 *     names work). Required: host keys are always verified
 * @param acceptNewHostKeys when true, a host not yet in {@code known-hosts} is trusted on first use
 *     and appended to it (OpenSSH's {@code accept-new}); a changed key is refused either way
 * @param connectTimeout for the TCP connection and the login together; 10 s by default
 */
public record SshSettings(@Required(example = "kvm1.paris.example") String host,
                          Integer port,
                          @Required(example = "sitewatch") String username,
                          @Required Secret privateKey,
                          Secret passphrase,
                          @Required(example = "/etc/sitewatch/known_hosts") Path knownHosts,
                          boolean acceptNewHostKeys,
                          Duration connectTimeout) {

    public static final int DEFAULT_PORT = 22;
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);

    public SshSettings {
        port = port == null ? DEFAULT_PORT : port;
        connectTimeout = connectTimeout == null ? DEFAULT_CONNECT_TIMEOUT : connectTimeout;
        if (host != null && (host.isBlank() || host.chars().anyMatch(Character::isWhitespace))) {
            throw new InvalidSettingException("host", "must be a host name or address without spaces but was '" + host + "'");
        }
        if (port < 1 || port > 65535) {
            throw new InvalidSettingException("port", "must be between 1 and 65535 but was " + port);
        }
        if (connectTimeout.isNegative() || connectTimeout.isZero()) {
            throw new InvalidSettingException("connect-timeout", "must be positive but was " + connectTimeout);
        }
    }

    /** {@code host} or {@code [host]:port} as known_hosts and ssh-keyscan name it. */
    String knownHostsName() {
        return port == DEFAULT_PORT ? host : "[" + host + "]:" + port;
    }

    @Override
    public String toString() {
        return "SshSettings[" + username + "@" + host + ":" + port + ", privateKey=" + privateKey + ", passphrase="
                + passphrase + ", knownHosts=" + knownHosts + ", acceptNewHostKeys=" + acceptNewHostKeys + "]";
    }
}
