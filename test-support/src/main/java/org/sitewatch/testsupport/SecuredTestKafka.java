package org.sitewatch.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.sitewatch.broker.EmbeddedKafkaBroker;

/**
 * The broker module's real KRaft broker with secured client listeners, for tests of Sitewatch's
 * clients against a secured cluster. Certificates are made for the test ({@link TestCertificates}).
 *
 * <ul>
 *   <li>{@link #SASL_SSL}: TLS plus a SASL login, SCRAM-SHA-512 (credentials created through the admin
 *       API) or PLAIN (users in the listener's JAAS configuration); user {@link #USER};</li>
 *   <li>{@link #TLS}: TLS only, the client checks the broker's certificate;</li>
 *   <li>{@link #MTLS}: TLS where the broker requires a client certificate signed by the test CA.</li>
 * </ul>
 *
 * <p>Passwords are random per instance, so a test can search output for them. No topics are created
 * (Sitewatch's start-up creates them). Limit: the broker's own PLAINTEXT listener stays open on
 * loopback ({@link #plaintextBootstrapServers()}) for the test's set-up; no ACLs (any authenticated
 * user may do anything).
 */
public final class SecuredTestKafka implements AutoCloseable {

    public static final String SASL_SSL = "SASL_SSL";
    public static final String TLS = "TLS";
    public static final String MTLS = "MTLS";
    public static final String USER = "sitewatch";

    private static final String SCRAM_MODULE = "org.apache.kafka.common.security.scram.ScramLoginModule";
    private static final String PLAIN_MODULE = "org.apache.kafka.common.security.plain.PlainLoginModule";

    private final EmbeddedKafkaBroker broker;
    private final TestCertificates certificates;
    private final String scramPassword;
    private final String plainPassword;

    private SecuredTestKafka(EmbeddedKafkaBroker broker, TestCertificates certificates, String scramPassword,
                             String plainPassword) {
        this.broker = broker;
        this.certificates = certificates;
        this.scramPassword = scramPassword;
        this.plainPassword = plainPassword;
    }

    /** Makes the certificates in {@code dir}/certs, starts the broker with its data in {@code dir}/kafka. */
    public static SecuredTestKafka start(Path dir) {
        TestCertificates certificates = TestCertificates.create(dir.resolve("certs"));
        String scramPassword = "scram-" + UUID.randomUUID();
        String plainPassword = "plain-" + UUID.randomUUID();
        EmbeddedKafkaBroker.Builder builder = EmbeddedKafkaBroker.builder().dataDir(dir.resolve("kafka")).port(0)
                .listener(SASL_SSL, "SASL_SSL").listener(TLS, "SSL").listener(MTLS, "SSL");
        for (String listener : List.of(SASL_SSL, TLS, MTLS)) {
            String prefix = "listener.name." + listener.toLowerCase(java.util.Locale.ROOT) + ".";
            builder.property(prefix + "ssl.keystore.location", certificates.brokerKeystore().toString())
                    .property(prefix + "ssl.keystore.type", "PKCS12")
                    .property(prefix + "ssl.keystore.password", certificates.password())
                    .property(prefix + "ssl.key.password", certificates.password());
        }
        builder.property("listener.name.mtls.ssl.client.auth", "required")
                .property("listener.name.mtls.ssl.truststore.location", certificates.truststore().toString())
                .property("listener.name.mtls.ssl.truststore.type", "PKCS12")
                .property("listener.name.mtls.ssl.truststore.password", certificates.password())
                .property("listener.name.sasl_ssl.sasl.enabled.mechanisms", "SCRAM-SHA-512,PLAIN")
                .property("listener.name.sasl_ssl.scram-sha-512.sasl.jaas.config", SCRAM_MODULE + " required;")
                .property("listener.name.sasl_ssl.plain.sasl.jaas.config", PLAIN_MODULE + " required user_" + USER
                        + "=\"" + plainPassword + "\";");
        EmbeddedKafkaBroker broker = builder.start();
        try {
            SecuredTestKafka kafka = new SecuredTestKafka(broker, certificates, scramPassword, plainPassword);
            kafka.createScramUser();
            return kafka;
        } catch (RuntimeException e) {
            broker.close();
            throw e;
        }
    }

    /** {@code host:port} of one of the secured listeners ({@link #SASL_SSL}, {@link #TLS}, {@link #MTLS}). */
    public String bootstrapServers(String listener) {
        return broker.bootstrapServers(listener);
    }

    /** The unsecured listener, for the test's own set-up and checks only. */
    public String plaintextBootstrapServers() {
        return broker.bootstrapServers();
    }

    public TestCertificates certificates() {
        return certificates;
    }

    public String scramPassword() {
        return scramPassword;
    }

    public String plainPassword() {
        return plainPassword;
    }

    /** The {@code sasl.jaas.config} value of a SCRAM login of {@link #USER} with {@code password}. */
    public static String scramJaas(String password) {
        return SCRAM_MODULE + " required username=\"" + USER + "\" password=\"" + password + "\";";
    }

    /** The {@code sasl.jaas.config} value of a PLAIN login of {@link #USER} with {@code password}. */
    public static String plainJaas(String password) {
        return PLAIN_MODULE + " required username=\"" + USER + "\" password=\"" + password + "\";";
    }

    /** Writes {@code secret} to a new file in {@code dir} readable only by its owner (where the OS allows). */
    public static Path secretFile(Path dir, String name, String secret) {
        try {
            Path file = Files.writeString(dir.resolve(name), secret + "\n");
            file.toFile().setReadable(false, false);
            file.toFile().setReadable(true, true);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + name, e);
        }
    }

    /**
     * Creates the SCRAM-SHA-512 credential of {@link #USER} over the PLAINTEXT listener and waits until
     * the SASL_SSL listener accepts it (the broker applies credentials from its metadata log).
     */
    private void createScramUser() {
        Map<String, Object> plaintext = Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, plaintextBootstrapServers());
        try (Admin admin = Admin.create(plaintext)) {
            admin.alterUserScramCredentials(List.of(new UserScramCredentialUpsertion(USER,
                    new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 4096), scramPassword))).all()
                    .get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot create the SCRAM user " + USER, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        Map<String, Object> scram = new LinkedHashMap<>();
        scram.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(SASL_SSL));
        scram.put("security.protocol", "SASL_SSL");
        scram.put("sasl.mechanism", "SCRAM-SHA-512");
        scram.put("sasl.jaas.config", scramJaas(scramPassword));
        scram.put("ssl.truststore.location", certificates.truststore().toString());
        scram.put("ssl.truststore.type", "PKCS12");
        scram.put("ssl.truststore.password", certificates.password());
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (true) {
            try (Admin admin = Admin.create(scram)) {
                admin.describeCluster().nodes().get(10, TimeUnit.SECONDS);
                return;
            } catch (ExecutionException | TimeoutException e) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("the SASL_SSL listener did not accept the new SCRAM user", e);
                }
                pause();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    @Override
    public void close() {
        broker.close();
    }
}
