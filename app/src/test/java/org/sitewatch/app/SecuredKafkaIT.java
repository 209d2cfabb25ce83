package org.sitewatch.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sitewatch.broker.FreePorts;
import org.sitewatch.events.KafkaClientSettings;
import org.sitewatch.simulator.Scenario;
import org.sitewatch.simulator.Simulator;
import org.sitewatch.testsupport.SecuredTestKafka;
import org.sitewatch.testsupport.TestCertificates;
import org.slf4j.LoggerFactory;

/**
 * Sitewatch on a secured Kafka: one real broker with a SASL_SSL listener (SCRAM-SHA-512 and PLAIN), a
 * TLS listener and a mutual-TLS listener, certificates made for the test. Every mechanism is proved
 * with the launcher's own start-up client (topic provisioning), right and wrong; the commands are
 * proved end to end with SASL_SSL + SCRAM configured only through {@code sitewatch.kafka.*} (JVM
 * system properties in this process, as environment variables are read; real environment variables
 * for the child processes), secrets in files: {@code run} on the external broker with its audit REST
 * API, {@code replay}, and {@code streams} (with its audit REST API) and {@code collectors} as
 * separate processes.
 * With a wrong password or an untrusted certificate each command stops at start within seconds
 * saying which and what to set. No password appears in any message, log or child output.
 */
class SecuredKafkaIT {

    private static final String SCENARIO = """
            sites:
              - name: vault
                cluster: vault
                token: "mon@pve!sw=dddddddd-2222-4333-8444-555555555555"
                nodes: [ { name: pve-v1 }, { name: pve-v2 }, { name: pve-v3 } ]
                vms: [ { vmid: 100, name: v-app, node: pve-v1, ha: true } ]
            """;
    private static final Duration FAST = Duration.ofSeconds(10);
    private static final String P = KafkaClientSettings.PREFIX + ".properties.";
    private static final String F = KafkaClientSettings.PREFIX + ".property-files.";

    @TempDir
    static Path dir;

    private static SecuredTestKafka kafka;
    private static TestCertificates certs;
    private static Path scramJaas;
    private static Path plainJaas;
    private static Path wrongScramJaas;
    private static Path storePassword;
    private static final String WRONG_PASSWORD = "wrong-" + System.nanoTime();
    /** The audit API needs the auditor role: a token for the test, kept as its SHA-256 as configuration keeps it. */
    private static final String AUDITOR_TOKEN = "auditor-" + UUID.randomUUID();
    /** What the test's web apps allow, said explicitly: anyone may view, the audit API with the auditor's token. */
    private static final Map<String, String> HTTP_ACCESS = Map.of(
            "sitewatch.security.anonymous-viewer", "true",
            "sitewatch.security.tokens[0].name", "test-auditor",
            "sitewatch.security.tokens[0].sha256", sha256Hex(AUDITOR_TOKEN),
            "sitewatch.security.tokens[0].roles[0]", "auditor");

    private final Map<String, String> systemProperties = new HashMap<>();

    @BeforeAll
    static void startBroker() {
        kafka = SecuredTestKafka.start(dir);
        certs = kafka.certificates();
        scramJaas = SecuredTestKafka.secretFile(dir, "scram.jaas", SecuredTestKafka.scramJaas(kafka.scramPassword()));
        plainJaas = SecuredTestKafka.secretFile(dir, "plain.jaas", SecuredTestKafka.plainJaas(kafka.plainPassword()));
        wrongScramJaas = SecuredTestKafka.secretFile(dir, "wrong.jaas", SecuredTestKafka.scramJaas(WRONG_PASSWORD));
        storePassword = SecuredTestKafka.secretFile(dir, "store.password", certs.password());
    }

    @AfterAll
    static void stopBroker() {
        if (kafka != null) {
            kafka.close();
        }
    }

    @AfterEach
    void clearSystemProperties() {
        systemProperties.keySet().forEach(System::clearProperty);
    }

    // ---- every mechanism, with the client every command starts with (topic provisioning) ----

    @Test
    void shouldVerifyTheBrokerWithATruststoreOrAPemCa() {
        provision(SecuredTestKafka.TLS, Map.of("security.protocol", "SSL", "ssl.truststore.type", "PKCS12",
                "ssl.truststore.location", certs.truststore().toString()), Map.of("ssl.truststore.password", storePassword.toString()));
        provision(SecuredTestKafka.TLS, pemTrust("SSL"), Map.of());

        String untrusted = failure(SecuredTestKafka.TLS, Map.of("security.protocol", "SSL"), Map.of());
        assertThat(untrusted).contains("not trusted", P + "ssl.truststore.location");
    }

    @Test
    void shouldPresentAClientCertificateWhereTheBrokerRequiresOne() {
        Map<String, String> properties = new HashMap<>(pemTrust("SSL"));
        properties.put("ssl.keystore.type", "PKCS12");
        properties.put("ssl.keystore.location", certs.clientKeystore().toString());
        provision(SecuredTestKafka.MTLS, properties, Map.of("ssl.keystore.password", storePassword.toString(),
                "ssl.key.password", storePassword.toString()));

        String noCertificate = failure(SecuredTestKafka.MTLS, pemTrust("SSL"), Map.of());
        assertThat(noCertificate).contains("TLS handshake", P + "ssl.keystore.location");
    }

    @Test
    void shouldLogInWithScramOrPlainOverTls() {
        provision(SecuredTestKafka.SASL_SSL, sasl("SCRAM-SHA-512"), Map.of("sasl.jaas.config", scramJaas.toString()));
        provision(SecuredTestKafka.SASL_SSL, sasl("PLAIN"), Map.of("sasl.jaas.config", plainJaas.toString()));

        Path wrongPlain = SecuredTestKafka.secretFile(dir, "wrong-plain.jaas", SecuredTestKafka.plainJaas(WRONG_PASSWORD));
        for (String refused : List.of(
                failure(SecuredTestKafka.SASL_SSL, sasl("SCRAM-SHA-512"), Map.of("sasl.jaas.config", wrongScramJaas.toString())),
                failure(SecuredTestKafka.SASL_SSL, sasl("PLAIN"), Map.of("sasl.jaas.config", wrongPlain.toString())))) {
            assertThat(refused).contains("refused the login: authentication failed", P + "sasl.jaas.config");
        }
    }

    // ---- the commands: SASL_SSL + SCRAM ----

    @Test
    void shouldStopEveryCommandAtStartWithAWrongPasswordOrAnUntrustedCertificate() {
        setSystemProperties(scramSettings(wrongScramJaas));
        assertEveryCommandFailsFast("refused the login: authentication failed");

        Map<String, String> untrusted = scramSettings(scramJaas);
        untrusted.keySet().removeIf(k -> k.contains("truststore"));
        clearSystemProperties();
        setSystemProperties(untrusted);
        assertEveryCommandFailsFast("not trusted");
    }

    @Test
    void shouldRefuseAKafkaSecretGivenOnTheCommandLine() {
        CapturedCommand streams = CapturedCommand.run("streams", "--kafka-bootstrap-servers", kafka.bootstrapServers(SecuredTestKafka.SASL_SSL),
                "--" + P + "sasl.jaas.config=" + SecuredTestKafka.scramJaas(WRONG_PASSWORD));
        CapturedCommand replay = CapturedCommand.run("replay", "--from", "-1h", "--kafka-property", "ssl.keystore.password=" + WRONG_PASSWORD,
                "--kafka-bootstrap-servers", kafka.bootstrapServers(SecuredTestKafka.SASL_SSL));

        assertThat(streams.exit()).isNotZero();
        assertThat(streams.err()).contains("not taken from the command line", F + "sasl.jaas.config",
                "SITEWATCH_KAFKA_PROPERTIES_SASL_JAAS_CONFIG");
        assertThat(replay.exit()).isNotZero();
        assertThat(replay.err()).contains("--kafka-property ssl.keystore.password", "SITEWATCH_KAFKA_PROPERTYFILES_SSL_KEYSTORE_PASSWORD");
        assertThat(streams.err() + replay.err()).doesNotContain(WRONG_PASSWORD);
    }

    /**
     * The commands end to end, overlapped to keep the test short: {@code streams} and {@code collectors}
     * start as separate processes (site vault-b of their own simulator) while {@code run} works in this
     * JVM (site vault), then {@code replay}; each streams app folds its own site.
     */
    @Test
    void shouldRunEveryCommandOnSaslSslWithScram() throws Exception {
        String servers = kafka.bootstrapServers(SecuredTestKafka.SASL_SSL);
        int childPort = FreePorts.loopback();
        try (Simulator childSimulator = Simulator.builder(Scenario.parse(SCENARIO.replace("vault", "vault-b")))
                .clock(Clock.systemUTC()).bindAddress("127.0.0.1").port(0).build().start()) {
            Process streams = startChild("streams", streamsArguments(servers, childPort));
            Process collectors = startChild("collectors", collectorsArguments(servers, childSimulator));
            try {
                runInThisJvmAndReplay(servers);

                SitesApi api = new SitesApi(childPort);
                await("vault-b, collected by one process and folded by the other").atMost(Duration.ofSeconds(60))
                        .pollInterval(Duration.ofMillis(500))
                        .until(() -> assertAlive(streams, collectors) && api.siteStatus("vault-b").isPresent());
                assertThat(auditEvents(childPort)).as("the audit REST API of 'streams'").contains("vault-b");
            } finally {
                stop(streams);
                stop(collectors);
            }
        }
        String output = Files.readString(dir.resolve("streams.log")) + Files.readString(dir.resolve("collectors.log"));
        assertThat(output).as("the clients printed their configuration").contains("sasl.jaas.config = [hidden]");
        assertNoSecretIn("the output of streams and collectors", output);
    }

    /** {@code run} on the external broker (settings as system properties, read like environment variables). */
    private void runInThisJvmAndReplay(String servers) throws Exception {
        setSystemProperties(scramSettings(scramJaas));
        try (LogCapture logs = new LogCapture()) {
            Path export = dir.resolve("replay.jsonl");
            Map<String, String> properties = new HashMap<>(FastStack.TIMINGS);
            properties.putAll(HTTP_ACCESS);
            try (EmbeddedStack stack = new EmbeddedStack(new EmbeddedStack.Settings(dir.resolve("run"), servers,
                    0, 0, 0, Scenario.parse(SCENARIO), Duration.ofMillis(500), properties)).start()) {
                SitesApi api = new SitesApi(stack.httpPort());
                await("the site folded by 'run'").atMost(Duration.ofSeconds(60))
                        .until(() -> api.siteStatus("vault").isPresent());
                await("the audit REST API of 'run' reading the raw topics").atMost(Duration.ofSeconds(30))
                        .until(() -> auditEvents(stack.httpPort()).contains("vault"));

                CapturedCommand replay = CapturedCommand.run("replay", "--from", "-1h", "-o", export.toString(),
                        "--progress", "never", "--kafka-bootstrap-servers", servers);
                assertThat(replay.exit()).as(replay.err()).isZero();
            }
            assertThat(Files.readString(export)).contains("vault");
            assertThat(logs.text()).as("the clients printed their configuration").contains("sasl.jaas.config = [hidden]");
            assertNoSecretIn("logs of run and replay", logs.text());
        }
    }

    private List<String> streamsArguments(String servers, int port) {
        List<String> args = new ArrayList<>(List.of("streams", "--kafka-bootstrap-servers", servers,
                "--port", Integer.toString(port), "--state-dir", dir.resolve("child-streams").toString(),
                "--server.address=127.0.0.1", "--sitewatch.streams.application-id=secured-streams",
                "--sitewatch.streams.commit-interval=100ms", "--sitewatch.streams.punctuate-interval=1s"));
        HTTP_ACCESS.forEach((key, value) -> args.add("--" + key + "=" + value));
        return args;
    }

    /** The simulator's endpoints in a config file, as a deployment would give them. */
    private List<String> collectorsArguments(String servers, Simulator simulator) throws Exception {
        Path config = dir.resolve("collectors.properties");
        Properties endpoints = new Properties();
        endpoints.putAll(SimulatedEndpointProperties.of(simulator.endpoints(), Duration.ofMillis(500)));
        try (OutputStream out = Files.newOutputStream(config)) {
            endpoints.store(out, null);
        }
        return List.of("collectors", "--kafka-bootstrap-servers", servers, "--port", "0", "--config", config.toString());
    }

    // ---- helpers ----

    private void assertEveryCommandFailsFast(String expected) {
        String servers = kafka.bootstrapServers(SecuredTestKafka.SASL_SSL);
        for (List<String> command : List.of(
                List.of("run", "--kafka-bootstrap-servers", servers, "--data-dir", dir.resolve("run-refused").toString(),
                        "--port", "0", "--simulator-port", "0"),
                List.of("collectors", "--kafka-bootstrap-servers", servers, "--port", "0"),
                List.of("streams", "--kafka-bootstrap-servers", servers, "--port", "0",
                        "--state-dir", dir.resolve("streams-refused").toString()),
                List.of("replay", "--from", "-1h", "--progress", "never", "-o", dir.resolve("refused.jsonl").toString(),
                        "--kafka-bootstrap-servers", servers))) {
            long started = System.nanoTime();
            CapturedCommand run = CapturedCommand.run(command.toArray(String[]::new));

            assertThat(run.exit()).as(command.get(0)).isNotZero();
            assertThat(run.err()).as(command.get(0)).contains(expected);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).as(command.get(0) + " failed fast").isLessThan(FAST);
            assertNoSecretIn(command.get(0), run.err());
        }
    }

    private static void provision(String listener, Map<String, String> properties, Map<String, String> files) {
        KafkaTopics.provision(new KafkaClientSettings(kafka.bootstrapServers(listener), properties, files), Duration.ofSeconds(30));
    }

    /** The message a wrong setting stops the start with; it must come within seconds and show no secret. */
    private static String failure(String listener, Map<String, String> properties, Map<String, String> files) {
        long started = System.nanoTime();
        Throwable thrown = catchThrowable(() -> provision(listener, properties, files));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(FAST);
        assertThat(thrown).isNotNull();
        String message = SitewatchCli.rootMessage(thrown);
        assertNoSecretIn("the start-up error", message);
        return message;
    }

    private static Map<String, String> pemTrust(String protocol) {
        return Map.of("security.protocol", protocol, "ssl.truststore.type", "PEM",
                "ssl.truststore.location", certs.caPem().toString());
    }

    private static Map<String, String> sasl(String mechanism) {
        Map<String, String> properties = new HashMap<>(pemTrust("SASL_SSL"));
        properties.put("sasl.mechanism", mechanism);
        return properties;
    }

    /** SASL_SSL + SCRAM-SHA-512 as Spring properties: the login and the truststore password from files. */
    private static Map<String, String> scramSettings(Path jaas) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put(P + "security.protocol", "SASL_SSL");
        settings.put(P + "sasl.mechanism", "SCRAM-SHA-512");
        settings.put(F + "sasl.jaas.config", jaas.toString());
        settings.put(P + "ssl.truststore.type", "PKCS12");
        settings.put(P + "ssl.truststore.location", certs.truststore().toString());
        settings.put(F + "ssl.truststore.password", storePassword.toString());
        return settings;
    }

    /** sitewatch.kafka.property-files.sasl.jaas.config -> SITEWATCH_KAFKA_PROPERTYFILES_SASL_JAAS_CONFIG */
    private static String environmentVariable(String springKey) {
        return springKey.replace("-", "").replace('.', '_').toUpperCase(java.util.Locale.ROOT);
    }

    private void setSystemProperties(Map<String, String> properties) {
        properties.forEach(System::setProperty);
        systemProperties.putAll(properties);
    }

    /** The events of the last hour from the audit REST API, as the auditor; "" while it does not answer 200. */
    private static String auditEvents(int port) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + port + "/api/audit/events?from=-1h"))
                    .header("Authorization", "Bearer " + AUDITOR_TOKEN).timeout(Duration.ofSeconds(20)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? response.body() : "";
        } catch (java.io.IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    private static String sha256Hex(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void assertNoSecretIn(String what, String text) {
        for (String secret : List.of(kafka.scramPassword(), kafka.plainPassword(), certs.password(), WRONG_PASSWORD,
                AUDITOR_TOKEN)) {
            assertThat(text).as(what + " shows no secret").doesNotContain(secret);
        }
    }

    /**
     * A {@code sitewatch} command in its own JVM, its Kafka settings only in environment variables
     * (secrets in files), its output in {@code <name>.log}.
     */
    private static Process startChild(String name, List<String> args) throws Exception {
        Map<String, String> environment = new LinkedHashMap<>();
        scramSettings(scramJaas).forEach((key, value) -> environment.put(environmentVariable(key), value));
        // Kafka prints each client's configuration at INFO: the secrets there must show as [hidden]
        environment.put("LOGGING_LEVEL_ORG_APACHE_KAFKA_COMMON_CONFIG", "INFO");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>(List.of(java, "-Xmx384m", "-XX:TieredStopAtLevel=1", "-cp", classpath,
                SitewatchCli.class.getName()));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve(name + ".log").toFile());
        builder.environment().keySet().removeIf(k -> k.startsWith("SITEWATCH_"));
        builder.environment().putAll(environment);
        return builder.start();
    }

    private static boolean assertAlive(Process... processes) throws Exception {
        for (Process process : processes) {
            if (!process.isAlive()) {
                throw new AssertionError("a child process stopped (exit " + process.exitValue() + "): "
                        + Files.readString(dir.resolve("streams.log")) + Files.readString(dir.resolve("collectors.log")));
            }
        }
        return true;
    }

    private static void stop(Process process) throws InterruptedException {
        process.destroy(); // SIGTERM: the shutdown hook closes the app
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    /**
     * Everything logged while open, with the Kafka clients' configuration dumps (INFO) included, which
     * the tests' logging configuration otherwise leaves out.
     */
    private static final class LogCapture implements AutoCloseable {

        /** Where Kafka prints every client's configuration ("ProducerConfig values: ..."). */
        private static final List<String> CONFIG_LOGGERS = List.of("org.apache.kafka.common.config.AbstractConfig");

        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private final OutputStreamAppender<ILoggingEvent> appender = new OutputStreamAppender<>();
        private final Map<Logger, Level> levels = new HashMap<>();
        private final LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();

        LogCapture() {
            PatternLayoutEncoder encoder = new PatternLayoutEncoder();
            encoder.setContext(context);
            encoder.setPattern("%level %logger %msg%n%ex");
            encoder.start();
            appender.setContext(context);
            appender.setEncoder(encoder);
            appender.setOutputStream(out);
            appender.start();
            context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).addAppender(appender);
            for (String name : CONFIG_LOGGERS) {
                Logger logger = context.getLogger(name);
                levels.put(logger, logger.getLevel());
                logger.setLevel(Level.INFO);
            }
        }

        String text() {
            synchronized (out) {
                return out.toString(StandardCharsets.UTF_8);
            }
        }

        @Override
        public void close() {
            context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).detachAppender(appender);
            appender.stop();
            levels.forEach(Logger::setLevel);
        }
    }
}
