package org.sitewatch.simulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;

/**
 * A throw-away server certificate for 127.0.0.1 and localhost, made at start with the JDK's
 * {@code keytool} (the JDK has no public API to sign a certificate): the PKCS12 key store the
 * simulator's own HTTPS listeners serve with, and the certificate as PEM for a collector's
 * {@code ca-file}. Made once per process (keytool takes about a second) and shared by every
 * simulator in it; both files live in a temporary directory removed when the JVM exits.
 */
final class SelfSignedCertificate {

    private static final String PASSWORD = "simulator";

    private static SelfSignedCertificate shared;

    private final Path dir;
    private final Path keystore;
    private final Path pem;

    private SelfSignedCertificate(Path dir) {
        this.dir = dir;
        this.keystore = dir.resolve("simulator.p12");
        this.pem = dir.resolve("simulator-ca.pem");
    }

    /** The process's certificate, made on first use. */
    static synchronized SelfSignedCertificate shared() {
        if (shared == null) {
            shared = generate();
            Thread cleanup = new Thread(shared::delete, "simulator-tls-cleanup");
            Runtime.getRuntime().addShutdownHook(cleanup);
        }
        return shared;
    }

    private static SelfSignedCertificate generate() {
        try {
            SelfSignedCertificate c = new SelfSignedCertificate(Files.createTempDirectory("sitewatch-simulator-tls"));
            keytool("-genkeypair", "-alias", "simulator", "-keyalg", "EC", "-groupname", "secp256r1", "-validity",
                    "30", "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-keystore",
                    c.keystore.toString(), "-storetype", "PKCS12", "-storepass", PASSWORD, "-keypass", PASSWORD);
            keytool("-exportcert", "-rfc", "-alias", "simulator", "-keystore", c.keystore.toString(), "-storepass",
                    PASSWORD, "-file", c.pem.toString());
            return c;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make the simulator's TLS certificate: " + e.getMessage(), e);
        }
    }

    SSLContext serverContext() {
        return TlsContexts.fromPkcs12(keystore, PASSWORD.toCharArray());
    }

    /** The certificate (its own CA) as PEM. */
    Path pem() {
        return pem;
    }

    private void delete() {
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.toList()) {
                Files.deleteIfExists(f);
            }
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            // A temporary directory left behind is harmless.
        }
    }

    private static void keytool(String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroy();
                throw new IOException("keytool " + args[0] + " failed: " + output.trim());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroy();
            throw new IOException("interrupted while keytool ran", e);
        }
    }
}
