package org.sitewatch.collectors.hyperv.wsman;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.apache.kerby.kerberos.kerb.KrbException;
import org.apache.kerby.kerberos.kerb.server.SimpleKdcServer;

/**
 * One Kerberos KDC (Apache Kerby) on 127.0.0.1 for the whole test JVM, with realm
 * {@value #REALM}: the collector's account with a password and a keytab, and the simulated
 * listeners' service {@code HTTP/localhost} with its keytab. Its krb5.conf also names realm
 * {@value #DOWN_REALM}, whose KDC port nothing listens on.
 *
 * <p>One per JVM because the JDK takes one krb5.conf per process ({@code java.security.krb5.conf}):
 * every test names this krb5.conf, so the tests do not depend on their order or on the machine's
 * /etc/krb5.conf. Started on first use, stopped when the JVM ends.
 */
public final class TestKdc {

    public static final String REALM = "SITEWATCH.TEST";
    public static final String DOWN_REALM = "DOWN.TEST";
    public static final String USER = "svc-sitewatch";
    public static final String PASSWORD = "Kerberos-Pa55";
    public static final String SERVICE = "HTTP/localhost@" + REALM;
    /** Another service: a listener holding only its key cannot read tickets for {@link #SERVICE}. */
    public static final String OTHER_SERVICE = "HTTP/hv-other.localhost@" + REALM;

    private static TestKdc instance;

    private final Path dir;
    private final Path krb5Conf;
    private final Path userKeytab;
    private final Path serviceKeytab;
    private final Path otherServiceKeytab;

    private TestKdc() throws IOException, KrbException {
        dir = Files.createTempDirectory("sitewatch-kdc");
        int port = freePort();
        int deadPort = freePort();
        SimpleKdcServer kdc = new SimpleKdcServer();
        kdc.setWorkDir(dir.toFile());
        kdc.setKdcHost("127.0.0.1");
        kdc.setKdcRealm(REALM);
        kdc.setAllowUdp(false);
        kdc.setAllowTcp(true);
        kdc.setKdcTcpPort(port);
        kdc.init();
        kdc.start();
        kdc.createPrincipal(USER + "@" + REALM, PASSWORD);
        userKeytab = dir.resolve("svc-sitewatch.keytab");
        kdc.exportPrincipal(USER + "@" + REALM, userKeytab.toFile());
        serviceKeytab = dir.resolve("http-localhost.keytab");
        kdc.createAndExportPrincipals(serviceKeytab.toFile(), SERVICE);
        otherServiceKeytab = dir.resolve("http-other.keytab");
        kdc.createPrincipal(OTHER_SERVICE);
        kdc.exportPrincipal(OTHER_SERVICE, otherServiceKeytab.toFile());
        krb5Conf = dir.resolve("krb5.conf");
        // TCP only (the KDC has no UDP), a short time-out and no DNS, so a dead KDC fails in milliseconds.
        Files.writeString(krb5Conf, """
                [libdefaults]
                  default_realm = %s
                  udp_preference_limit = 1
                  kdc_timeout = 2000
                  max_retries = 1
                  dns_lookup_kdc = false
                  dns_lookup_realm = false
                  dns_canonicalize_hostname = false
                [realms]
                  %s = {
                    kdc = 127.0.0.1:%d
                  }
                  %s = {
                    kdc = 127.0.0.1:%d
                  }
                [domain_realm]
                  localhost = %s
                """.formatted(REALM, REALM, port, DOWN_REALM, deadPort, REALM));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                kdc.stop();
            } catch (KrbException e) {
                // the JVM ends anyway
            }
            deleteQuietly(dir);
        }, "test-kdc-stop"));
    }

    /** The KDC, started on first use. */
    public static synchronized TestKdc get() {
        if (instance == null) {
            try {
                instance = new TestKdc();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (KrbException e) {
                throw new IllegalStateException("the test KDC did not start", e);
            }
        }
        return instance;
    }

    public Path krb5Conf() {
        return krb5Conf;
    }

    /** The keytab of {@value #USER}. */
    public Path userKeytab() {
        return userKeytab;
    }

    /** The keytab of {@value #SERVICE}, for the simulated listeners. */
    public Path serviceKeytab() {
        return serviceKeytab;
    }

    /** The keytab of {@value #OTHER_SERVICE} only. */
    public Path otherServiceKeytab() {
        return otherServiceKeytab;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void deleteQuietly(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temp directory left behind
        }
    }
}
