package org.sitewatch.collectors.spi.settings;

/**
 * An SSH login by private key (libvirt over {@code qemu+ssh}, Oracle VM hosts).
 *
 * @param privateKey the OpenSSH or PEM private key, usually {@code private-key-file: ~/.ssh/id_ed25519}
 * @param passphrase the key's passphrase; null when it has none
 * @param knownHosts a known_hosts file to check the host key against; null for the user's default
 */
public record SshKey(@Required String username, @Required Secret privateKey, Secret passphrase,
                     java.nio.file.Path knownHosts) {

    /** Safe to log: secrets show only their origin, URLs lose user info and secret parameters. */
    @Override
    public String toString() {
        return Redactor.describe(this);
    }
}
