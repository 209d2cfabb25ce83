package org.sitewatch.simulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;

/**
 * A throw-away server certificate for 127.0.0.1, localhost and any further DNS names asked for
 * (e.g. a compose service name), made at start with the JDK's {@code keytool} (the JDK has no public
 * API to sign a certificate): the PKCS12 key store the simulator's own HTTPS listeners serve with,
 * and the certificate as PEM for a collector's {@code ca-file}. Made once per process and set of
 * extra names (keytool takes about a second) and shared by every simulator asking for those names;
 * the files live in a temporary directory removed when the JVM exits.
 */
final class SelfSignedCertificate {

    private static final String PASSWORD = "simulator";
    /** A DNS name: dot-separated labels of letters, digits and inner hyphens. */
    private static final Pattern DNS_NAME =
            Pattern.compile("(?i)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*");

    private static final Map<SortedSet<String>, SelfSignedCertificate> SHARED = new HashMap<>();

    private final Path dir;
    private final Path keystore;
    private final Path pem;
    private final SortedSet<String> extraDnsNames;

    private SelfSignedCertificate(Path dir, SortedSet<String> extraDnsNames) {
        this.dir = dir;
        this.keystore = dir.resolve("simulator.p12");
        this.pem = dir.resolve("simulator-ca.pem");
        this.extraDnsNames = extraDnsNames;
    }

    /** The process's certificate for localhost and 127.0.0.1 only, made on first use. */
    static SelfSignedCertificate shared() {
        return shared(Set.of());
    }

    /**
     * The process's certificate whose SAN also holds {@code extraDnsNames} (case ignored), made on
     * first use of that set of names.
     *
     * @throws IllegalArgumentException naming a value that is not a DNS name
     */
    static synchronized SelfSignedCertificate shared(Set<String> extraDnsNames) {
        SortedSet<String> names = new TreeSet<>();
        for (String name : extraDnsNames) {
            names.add(checkedDnsName(name));
        }
        names.remove("localhost");
        SelfSignedCertificate existing = SHARED.get(names);
        if (existing != null) {
            return existing;
        }
        SelfSignedCertificate made = generate(names);
        SHARED.put(names, made);
        Runtime.getRuntime().addShutdownHook(new Thread(made::delete, "simulator-tls-cleanup"));
        return made;
    }

    /**
     * The name in lower case.
     *
     * @throws IllegalArgumentException naming a value that is not a DNS name
     */
    static String checkedDnsName(String name) {
        String trimmed = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        if (trimmed.length() > 253 || !DNS_NAME.matcher(trimmed).matches()) {
            throw new IllegalArgumentException("TLS host name '" + name + "' is not a DNS name (letters, digits, "
                    + "'-' and '.'); localhost and 127.0.0.1 are always in the simulator's certificate");
        }
        return trimmed;
    }

    private static SelfSignedCertificate generate(SortedSet<String> extraDnsNames) {
        try {
            SelfSignedCertificate c = new SelfSignedCertificate(Files.createTempDirectory("sitewatch-simulator-tls"),
                    extraDnsNames);
            StringBuilder san = new StringBuilder("SAN=dns:localhost,ip:127.0.0.1");
            extraDnsNames.forEach(n -> san.append(",dns:").append(n));
            keytool("-genkeypair", "-alias", "simulator", "-keyalg", "EC", "-groupname", "secp256r1", "-validity",
                    "30", "-dname", "CN=localhost", "-ext", san.toString(), "-keystore",
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

    /** The DNS names in the SAN besides localhost. */
    SortedSet<String> extraDnsNames() {
        return extraDnsNames;
    }

    /**
     * Writes the PEM to {@code target}, creating its parent directories; replaced atomically where
     * the file system allows, so a reader never sees half a certificate.
     *
     * @throws UncheckedIOException naming the file when it cannot be written
     */
    void writePem(Path target) {
        Path absolute = target.toAbsolutePath();
        try {
            Path parent = absolute.getParent();
            Files.createDirectories(parent);
            Path partial = Files.createTempFile(parent, ".simulator-ca", ".pem.partial");
            try {
                Files.copy(pem, partial, StandardCopyOption.REPLACE_EXISTING);
                readableByAll(partial);
                try {
                    Files.move(partial, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } catch (IOException atomicMoveUnsupported) {
                    Files.move(partial, absolute, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(partial);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the simulator's CA certificate to " + absolute + ": "
                    + e.getClass().getSimpleName() + " " + e.getMessage(), e);
        }
    }

    /** A certificate is public, and a collector in another container may run as another user. */
    private static void readableByAll(Path file) throws IOException {
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        }
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
