package org.sitewatch.collectors.storage;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.channels.InterruptedByTimeoutException;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.auth.pubkey.UserAuthPublicKeyFactory;
import org.apache.sshd.client.channel.ChannelExec;
import org.apache.sshd.client.channel.ClientChannelEvent;
import org.apache.sshd.client.config.hosts.HostConfigEntryResolver;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.NamedResource;
import org.apache.sshd.common.config.keys.FilePasswordProvider;
import org.apache.sshd.common.keyprovider.KeyIdentityProvider;
import org.apache.sshd.common.util.security.SecurityUtils;
import org.sitewatch.collectors.spi.CollectorException;
import org.sitewatch.events.CollectorErrorKind;

/**
 * Runs the command on another host over SSH with Apache MINA SSHD: one session per run (connect,
 * public-key login, one exec channel), the host key checked by {@link HostKeyCheck}. Password,
 * keyboard-interactive and agent logins are not offered, and neither {@code ~/.ssh/config} nor
 * the keys in {@code ~/.ssh} are read: only what the settings name is used.
 *
 * <p>Without {@code shell: true} the words are quoted for the remote login shell, which every SSH
 * server runs the command through. When the time-out passes the channel is closed, which makes the
 * server hang up on the remote command.
 */
final class SshCommandRunner implements CommandRunner {

    private static final long STDERR_LIMIT = 16 * 1024;

    private final CommandSettings settings;
    private final SshSettings ssh;
    private final String key;
    private final KeyPair identity;
    private final SshClient client;
    private final HostKeyCheck hostKeys;

    SshCommandRunner(CommandSettings settings, String key) throws CollectorException {
        this.settings = settings;
        this.ssh = settings.ssh();
        this.key = key;
        if (!ssh.acceptNewHostKeys() && !Files.isReadable(ssh.knownHosts())) {
            throw CollectorException.permanent(CollectorErrorKind.CONFIG, key + ".ssh.known-hosts: file " + ssh.knownHosts()
                    + " does not exist or is not readable", "Create it with the host's key: " + HostKeyCheck.keyscan(ssh), null);
        }
        this.identity = loadKey(ssh, key);
        this.hostKeys = new HostKeyCheck(ssh);
        this.client = SshClient.setUpDefaultClient();
        client.setHostConfigEntryResolver(HostConfigEntryResolver.EMPTY);
        client.setKeyIdentityProvider(KeyIdentityProvider.EMPTY_KEYS_PROVIDER);
        client.setUserAuthFactories(List.of(UserAuthPublicKeyFactory.INSTANCE));
        client.setServerKeyVerifier(hostKeys.verifier());
        client.start();
    }

    @Override
    public String where() {
        return "ssh " + ssh.username() + "@" + ssh.knownHostsName();
    }

    @Override
    public synchronized String run(List<String> extraArguments) throws CollectorException {
        List<String> words = settings.words(extraArguments);
        String program = CommandFailures.program(words);
        String commandLine = settings.shell() ? words.get(0) : CommandLine.quoteForShell(words);
        try (ClientSession session = login()) {
            return exec(session, commandLine, program);
        } catch (IOException e) {
            // closing the session failed: the result, if any, was already returned
            throw CollectorException.retriable(CollectorErrorKind.CONNECT, where() + ": " + e.getMessage(), e);
        }
    }

    private ClientSession login() throws CollectorException {
        Duration timeout = ssh.connectTimeout();
        hostKeys.reset();
        ClientSession session;
        try {
            session = client.connect(ssh.username(), ssh.host(), ssh.port()).verify(timeout).getSession();
        } catch (IOException e) {
            CollectorException refused = hostKeys.refusal(key);
            throw refused != null ? refused : connectFailure(e);
        }
        try {
            session.addPublicKeyIdentity(identity);
            session.auth().verify(timeout);
            return session;
        } catch (IOException e) {
            CollectorException refused = hostKeys.refusal(key);
            boolean stillOpen = session.isOpen();
            closeQuietly(session);
            if (refused != null) {
                throw refused;
            }
            if (isTimeout(e)) {
                throw CollectorException.retriable(CollectorErrorKind.TIMEOUT, where() + ": no login within "
                        + timeout.toMillis() + " ms (" + key + ".ssh.connect-timeout)", e);
            }
            if (stillOpen || isAuthRefusal(e)) {
                throw CollectorException.permanent(CollectorErrorKind.AUTH, where() + ": public-key login refused ("
                        + e.getMessage() + ")", "Add the public key of " + key + ".ssh.private-key to ~" + ssh.username()
                        + "/.ssh/authorized_keys on " + ssh.host() + ", or fix " + key + ".ssh.username", e);
            }
            throw connectFailure(e);
        }
    }

    private String exec(ClientSession session, String commandLine, String program) throws CollectorException, IOException {
        try (ChannelExec channel = session.createExecChannel(commandLine)) {
            BoundedOutput stdout = new BoundedOutput(settings.maxOutputBytes(), () -> channel.close(true));
            BoundedOutput stderr = new BoundedOutput(STDERR_LIMIT, () -> { });
            channel.setOut(stdout);
            channel.setErr(stderr);
            long deadline = System.nanoTime() + settings.timeout().toNanos();
            channel.open().verify(settings.timeout());
            long left = Math.max(1, (deadline - System.nanoTime()) / 1_000_000);
            Set<ClientChannelEvent> events = channel.waitFor(EnumSet.of(ClientChannelEvent.CLOSED), left);
            if (stdout.overflowed()) {
                throw CommandFailures.tooMuchOutput(where(), program, settings.maxOutputBytes(), key);
            }
            if (events.contains(ClientChannelEvent.TIMEOUT)) {
                channel.close(true);
                throw CommandFailures.timedOut(where(), program, settings.timeout(), key);
            }
            Integer status = channel.getExitStatus();
            if (status == null || status != 0) {
                throw CommandFailures.exit(where(), program, status, stderr.firstLine(), key);
            }
            return stdout.text();
        } catch (IOException e) {
            if (isTimeout(e)) {
                throw CommandFailures.timedOut(where(), program, settings.timeout(), key);
            }
            throw CollectorException.retriable(CollectorErrorKind.CONNECT, where() + ": the session failed while '"
                    + program + "' ran: " + e.getMessage(), e);
        }
    }

    private CollectorException connectFailure(IOException e) {
        if (isTimeout(e)) {
            return CollectorException.retriable(CollectorErrorKind.TIMEOUT, where() + ": no connection within "
                    + ssh.connectTimeout().toMillis() + " ms (" + key + ".ssh.connect-timeout)", e);
        }
        Throwable root = rootCause(e);
        String why = root instanceof UnknownHostException ? "unknown host" : root instanceof ConnectException
                ? "connection refused" : root instanceof NoRouteToHostException ? "no route to host" : String.valueOf(root.getMessage());
        return CollectorException.retriable(CollectorErrorKind.CONNECT, where() + ": cannot connect (" + why + ")", e);
    }

    private static boolean isTimeout(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof TimeoutException || t instanceof SocketTimeoutException
                    || t instanceof InterruptedByTimeoutException || t instanceof InterruptedIOException
                    || (t.getMessage() != null && t.getMessage().toLowerCase(Locale.ROOT).contains("timeout"))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isAuthRefusal(Throwable e) {
        String m = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
        return m.contains("authentication") || m.contains("no more");
    }

    private static Throwable rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }

    private static KeyPair loadKey(SshSettings ssh, String key) throws CollectorException {
        FilePasswordProvider passphrase = ssh.passphrase() == null ? FilePasswordProvider.EMPTY
                : FilePasswordProvider.of(ssh.passphrase().reveal());
        List<KeyPair> pairs = new ArrayList<>();
        try {
            Iterable<KeyPair> loaded = SecurityUtils.loadKeyPairIdentities(null,
                    NamedResource.ofName(ssh.privateKey().origin()), new ByteArrayInputStream(ssh.privateKey().revealBytes()),
                    passphrase);
            if (loaded != null) {
                loaded.forEach(pairs::add);
            }
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            throw CollectorException.permanent(CollectorErrorKind.CONFIG, key + ".ssh.private-key: cannot read the key from "
                    + ssh.privateKey().origin() + " (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")",
                    "Give an OpenSSH or PEM RSA/ECDSA private key, and " + key + ".ssh.passphrase when it is encrypted", e);
        }
        if (pairs.size() != 1) {
            throw CollectorException.permanent(CollectorErrorKind.CONFIG, key + ".ssh.private-key: " + ssh.privateKey().origin()
                    + " holds " + pairs.size() + " private keys", "Give exactly one OpenSSH or PEM private key", null);
        }
        return pairs.get(0);
    }

    private static void closeQuietly(ClientSession session) {
        try {
            session.close();
        } catch (IOException ignored) {
            // the session is being dropped anyway
        }
    }

    @Override
    public void close() {
        try {
            client.stop();
        } finally {
            try {
                client.close();
            } catch (IOException ignored) {
                // nothing more to release
            }
        }
    }
}
