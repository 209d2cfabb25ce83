package org.sitewatch.collectors.storage;

import java.net.SocketAddress;
import java.security.PublicKey;
import org.apache.sshd.client.keyverifier.KnownHostsServerKeyVerifier;
import org.apache.sshd.client.keyverifier.ServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.sitewatch.collectors.spi.CollectorException;
import org.sitewatch.events.CollectorErrorKind;

/**
 * Checks the server's host key against {@code known-hosts}. A host not listed is refused (or,
 * with {@code accept-new-host-keys: true}, trusted and appended to the file); a listed host whose
 * key differs is always refused. The refused key is remembered until the next {@link #reset()} so a
 * failed login can say which it was and what to do, with the key's fingerprint. One login at a time.
 */
final class HostKeyCheck {

    private final SshSettings ssh;
    private final KnownHostsServerKeyVerifier verifier;
    private volatile PublicKey unknownKey;
    private volatile PublicKey changedKey;

    HostKeyCheck(SshSettings ssh) {
        this.ssh = ssh;
        ServerKeyVerifier unknownHost = (ClientSession session, SocketAddress remote, PublicKey key) -> {
            if (!ssh.acceptNewHostKeys()) {
                unknownKey = key;
            }
            return ssh.acceptNewHostKeys();
        };
        this.verifier = new KnownHostsServerKeyVerifier(unknownHost, ssh.knownHosts());
        verifier.setModifiedServerKeyAcceptor((session, remote, entry, expected, actual) -> {
            changedKey = actual;
            return false;
        });
    }

    /** Forgets the previous login's refusal. */
    void reset() {
        unknownKey = null;
        changedKey = null;
    }

    ServerKeyVerifier verifier() {
        return verifier;
    }

    /** The ssh-keyscan line that adds the host's keys to the file. */
    static String keyscan(SshSettings ssh) {
        return "ssh-keyscan " + (ssh.port() == SshSettings.DEFAULT_PORT ? "" : "-p " + ssh.port() + " ") + ssh.host()
                + " >> " + ssh.knownHosts();
    }

    /** Why the host key of the login since {@link #reset()} was refused, or null when it was not. */
    CollectorException refusal(String key) {
        PublicKey unknown = unknownKey;
        if (unknown != null) {
            return CollectorException.permanent(CollectorErrorKind.TLS, "ssh " + ssh.knownHostsName() + ": host key "
                    + describe(unknown) + " is not in " + ssh.knownHosts() + " (" + key + ".ssh.known-hosts)",
                    "Check the fingerprint with the host's administrator, then add it: " + keyscan(ssh)
                            + " (or set " + key + ".ssh.accept-new-host-keys: true to trust a new host on first use)", null);
        }
        PublicKey changed = changedKey;
        if (changed != null) {
            return CollectorException.permanent(CollectorErrorKind.TLS, "ssh " + ssh.knownHostsName() + ": host key "
                    + describe(changed) + " differs from the one in " + ssh.knownHosts() + " (" + key
                    + ".ssh.known-hosts): possibly someone in the middle",
                    "If the host was re-installed, remove the old key with ssh-keygen -R '" + ssh.knownHostsName() + "' -f "
                            + ssh.knownHosts() + " and add the new one: " + keyscan(ssh), null);
        }
        return null;
    }

    private static String describe(PublicKey key) {
        return KeyUtils.getKeyType(key) + " " + KeyUtils.getFingerPrint(key);
    }
}
