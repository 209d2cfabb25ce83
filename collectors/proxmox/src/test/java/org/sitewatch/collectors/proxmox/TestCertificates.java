package org.sitewatch.collectors.proxmox;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * Self-signed certificates generated for a test run with the JDK's {@code keytool} (nothing is
 * checked in): a server key pair for 127.0.0.1/localhost in a PKCS12 keystore, its certificate as
 * PEM (the CA to trust), an unrelated certificate as PEM (an unknown CA), and a server key pair
 * issued for another host name ({@code pve.invalid}).
 */
final class TestCertificates {

    static final String PASSWORD = "changeit";

    final Path keystore;
    final Path serverPem;
    final Path otherPem;
    final Path wrongNameKeystore;
    final Path wrongNamePem;

    private TestCertificates(Path dir) {
        this.keystore = dir.resolve("server.p12");
        this.serverPem = dir.resolve("server-ca.pem");
        this.otherPem = dir.resolve("other-ca.pem");
        this.wrongNameKeystore = dir.resolve("wrong-name.p12");
        this.wrongNamePem = dir.resolve("wrong-name.pem");
    }

    static TestCertificates generate(Path dir) throws IOException, InterruptedException {
        TestCertificates c = new TestCertificates(dir);
        Path other = dir.resolve("other.p12");
        keytool("-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
                "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1",
                "-keystore", c.keystore.toString(), "-storetype", "PKCS12", "-storepass", PASSWORD, "-keypass", PASSWORD);
        keytool("-exportcert", "-rfc", "-alias", "server", "-keystore", c.keystore.toString(), "-storepass", PASSWORD,
                "-file", c.serverPem.toString());
        keytool("-genkeypair", "-alias", "other", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
                "-dname", "CN=someone-else", "-keystore", other.toString(), "-storetype", "PKCS12",
                "-storepass", PASSWORD, "-keypass", PASSWORD);
        keytool("-exportcert", "-rfc", "-alias", "other", "-keystore", other.toString(), "-storepass", PASSWORD,
                "-file", c.otherPem.toString());
        keytool("-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
                "-dname", "CN=pve.invalid", "-ext", "SAN=dns:pve.invalid", "-keystore", c.wrongNameKeystore.toString(),
                "-storetype", "PKCS12", "-storepass", PASSWORD, "-keypass", PASSWORD);
        keytool("-exportcert", "-rfc", "-alias", "server", "-keystore", c.wrongNameKeystore.toString(),
                "-storepass", PASSWORD, "-file", c.wrongNamePem.toString());
        return c;
    }

    /** The server side's TLS context, presenting the certificate for 127.0.0.1/localhost. */
    SSLContext serverContext() throws Exception {
        return serverContext(keystore);
    }

    /** The server side's TLS context presenting the certificate of a keystore generated here. */
    static SSLContext serverContext(Path keystore) throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = java.nio.file.Files.newInputStream(keystore)) {
            ks.load(in, PASSWORD.toCharArray());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, PASSWORD.toCharArray());
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(kmf.getKeyManagers(), null, null);
        return ctx;
    }

    private static void keytool(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("keytool " + String.join(" ", args) + " failed: " + output);
        }
    }
}
