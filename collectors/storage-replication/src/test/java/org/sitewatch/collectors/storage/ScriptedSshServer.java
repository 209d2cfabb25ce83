package org.sitewatch.collectors.storage;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.GeneralSecurityException;
import java.security.spec.ECGenParameterSpec;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.server.Environment;
import org.apache.sshd.server.ExitCallback;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;

/**
 * A real SSH server (Apache MINA SSHD) on 127.0.0.1 for the runner's tests: one host key, one
 * authorized client key, public-key login only, and exec requests answered by a script: command
 * line → reply. An unscripted command answers like a shell that cannot find it (127).
 */
final class ScriptedSshServer implements AutoCloseable {

    /** What a command prints and how it ends; {@code delayMillis} before it answers. */
    record Reply(String stdout, String stderr, int exit, long delayMillis) {

        static Reply out(String stdout) {
            return new Reply(stdout, "", 0, 0);
        }
    }

    private final SshServer server;
    private final Map<String, Supplier<Reply>> script = new ConcurrentHashMap<>();
    final List<String> received = new CopyOnWriteArrayList<>();

    ScriptedSshServer(KeyPair hostKey, KeyPair authorized) throws IOException {
        server = SshServer.setUpDefaultServer();
        server.setHost("127.0.0.1");
        server.setPort(0);
        server.setKeyPairProvider(KeyPairProvider.wrap(hostKey));
        server.setPasswordAuthenticator(null);
        server.setKeyboardInteractiveAuthenticator(null);
        server.setPublickeyAuthenticator((user, key, session) -> "monitor".equals(user)
                && KeyUtils.compareKeys(key, authorized.getPublic()));
        server.setCommandFactory((channel, command) -> {
            received.add(command);
            Supplier<Reply> reply = script.get(command);
            return new ScriptedCommand(reply == null ? new Reply("", "sh: 1: " + command.split(" ")[0] + ": not found\n", 127, 0)
                    : reply.get());
        });
        server.start();
    }

    void answer(String commandLine, Supplier<Reply> reply) {
        script.put(commandLine, reply);
    }

    int port() {
        return server.getPort();
    }

    @Override
    public void close() throws IOException {
        server.stop(true);
    }

    static KeyPair ecKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs one reply on its own thread; destroyed (the client hung up) it stops waiting. */
    private static final class ScriptedCommand implements Command {
        private final Reply reply;
        private OutputStream out;
        private OutputStream err;
        private ExitCallback exit;
        private Thread thread;

        ScriptedCommand(Reply reply) {
            this.reply = reply;
        }

        @Override
        public void setInputStream(java.io.InputStream in) {
        }

        @Override
        public void setOutputStream(OutputStream out) {
            this.out = out;
        }

        @Override
        public void setErrorStream(OutputStream err) {
            this.err = err;
        }

        @Override
        public void setExitCallback(ExitCallback callback) {
            this.exit = callback;
        }

        @Override
        public void start(ChannelSession channel, Environment env) {
            thread = new Thread(() -> {
                try {
                    Thread.sleep(reply.delayMillis());
                    out.write(reply.stdout().getBytes(StandardCharsets.UTF_8));
                    out.flush();
                    err.write(reply.stderr().getBytes(StandardCharsets.UTF_8));
                    err.flush();
                    exit.onExit(reply.exit());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (IOException e) {
                    exit.onExit(255, e.getMessage());
                }
            }, "scripted ssh command");
            thread.setDaemon(true);
            thread.start();
        }

        @Override
        public void destroy(ChannelSession channel) {
            if (thread != null) {
                thread.interrupt();
            }
        }
    }
}
