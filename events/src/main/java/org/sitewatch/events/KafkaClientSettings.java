package org.sitewatch.events;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.CommonClientConfigs;

/**
 * {@code sitewatch.kafka.*}: the one Kafka client configuration every admin client, producer,
 * consumer and Streams instance of every command starts from. Each client adds only what its job
 * needs (a group id, acks, isolation) and pins what its guarantees depend on.
 *
 * <ul>
 *   <li>{@code bootstrap-servers}: where Kafka is ({@code SITEWATCH_KAFKA_BOOTSTRAP_SERVERS});</li>
 *   <li>{@code properties.<kafka key>}: any Kafka client setting, e.g. {@code security.protocol},
 *       {@code sasl.mechanism}, {@code ssl.truststore.location}, {@code client.dns.lookup}; as an
 *       environment variable {@code SITEWATCH_KAFKA_PROPERTIES_SASL_MECHANISM}. A {@code client.id}
 *       here is a prefix: each client appends its role and a number ({@link #clientId});</li>
 *   <li>{@code property-files.<kafka key>}: a file whose content (one trailing newline dropped) is the
 *       value, for secrets such as {@code sasl.jaas.config} or {@code ssl.keystore.password} mounted
 *       as files; a missing or unreadable file fails at start-up naming the key and the path.</li>
 * </ul>
 *
 * <p>Secrets never reach output through this class: {@link #toString()} shows the keys and hides the
 * values of every key that looks like a secret ({@link #isSecret}); {@link #redact} takes them out of
 * any text (error messages); Kafka's own config logging masks its password-type settings. A secret is
 * never taken as a plain command-line value ({@link #refuseSecretsOnCommandLine}): a command line is
 * readable by every user of the machine ({@code ps}) and stays in shell histories. Spring binds this record directly ({@code Binder.bind("sitewatch.kafka", ...)}); the
 * command-line parts build it from the same sources before Spring starts.
 *
 * @param bootstrapServers may be null or blank when nothing was configured; {@link #requireBootstrapServers}
 *     says what to set
 * @param properties Kafka client settings given inline (or by environment variable)
 * @param propertyFiles Kafka client settings whose values are read from files
 */
public record KafkaClientSettings(String bootstrapServers, Map<String, String> properties,
                                  Map<String, String> propertyFiles) {

    /** The Spring prefix. */
    public static final String PREFIX = "sitewatch.kafka";

    /** The environment variable of the bootstrap servers, named by every "no Kafka" message. */
    public static final String BOOTSTRAP_SERVERS_ENV = "SITEWATCH_KAFKA_BOOTSTRAP_SERVERS";

    private static final AtomicInteger CLIENT_SEQUENCE = new AtomicInteger();

    /** {@code password="..."} (or {@code password='...'}) inside a JAAS configuration. */
    private static final Pattern JAAS_PASSWORD = Pattern.compile("(password\\s*=\\s*)([\"'])([^\"']*)\\2",
            Pattern.CASE_INSENSITIVE);

    public KafkaClientSettings {
        properties = properties == null ? Map.of() : Map.copyOf(properties);
        propertyFiles = propertyFiles == null ? Map.of() : Map.copyOf(propertyFiles);
        for (String key : propertyFiles.keySet()) {
            if (properties.containsKey(key)) {
                throw new IllegalArgumentException(PREFIX + ".properties." + key + " and " + PREFIX + ".property-files."
                        + key + " are both set: give the value one way");
            }
            readFile(key, propertyFiles.get(key)); // fail at start-up, not at the first connection
        }
        if (properties.containsKey(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG)) {
            throw new IllegalArgumentException(PREFIX + ".properties.bootstrap.servers is set: use "
                    + PREFIX + ".bootstrap-servers (env " + BOOTSTRAP_SERVERS_ENV + ")");
        }
    }

    /** Only the bootstrap servers, no further settings. */
    public static KafkaClientSettings of(String bootstrapServers) {
        return new KafkaClientSettings(bootstrapServers, Map.of(), Map.of());
    }

    /** The same settings with other bootstrap servers (a command-line option wins over the configuration). */
    public KafkaClientSettings withBootstrapServers(String servers) {
        return new KafkaClientSettings(servers, properties, propertyFiles);
    }

    /** The same settings with {@code more} inline properties added (they win over existing ones). */
    public KafkaClientSettings withProperties(Map<String, String> more) {
        Map<String, String> merged = new HashMap<>(properties);
        merged.putAll(more);
        Map<String, String> files = new HashMap<>(propertyFiles);
        files.keySet().removeAll(more.keySet());
        return new KafkaClientSettings(bootstrapServers, merged, files);
    }

    public boolean hasBootstrapServers() {
        return bootstrapServers != null && !bootstrapServers.isBlank();
    }

    /** @param who what needs Kafka, for the message, e.g. "the collectors publish to Kafka" */
    public String requireBootstrapServers(String who) {
        if (!hasBootstrapServers()) {
            throw new IllegalStateException(PREFIX + ".bootstrap-servers is not set: " + who
                    + "; give --kafka-bootstrap-servers or set " + BOOTSTRAP_SERVERS_ENV);
        }
        return bootstrapServers;
    }

    /**
     * The configuration a client starts from: bootstrap servers and every property (file values
     * read now), with {@code client.id} set for {@code role} when a prefix was configured.
     *
     * @param role what the client does, e.g. "collectors-producer"; part of its client id
     */
    public Map<String, Object> clientConfig(String role) {
        Map<String, Object> config = new HashMap<>(properties);
        propertyFiles.forEach((key, path) -> config.put(key, readFile(key, path)));
        config.remove(CommonClientConfigs.CLIENT_ID_CONFIG);
        if (hasBootstrapServers()) {
            config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        }
        String id = clientId(role);
        if (id != null) {
            config.put(CommonClientConfigs.CLIENT_ID_CONFIG, id);
        }
        return config;
    }

    /**
     * {@code <client.id prefix>-<role>-<n>} when {@code properties.client.id} is set (the number keeps
     * two clients of one role in one process apart in JMX and metrics), else null: the client keeps
     * its own default.
     */
    public String clientId(String role) {
        String prefix = properties.get(CommonClientConfigs.CLIENT_ID_CONFIG);
        if (prefix == null || prefix.isBlank()) {
            return null;
        }
        return prefix + "-" + role + "-" + CLIENT_SEQUENCE.incrementAndGet();
    }

    /** Whether a value under {@code key} is a secret that output must never show. */
    public static boolean isSecret(String key) {
        String k = key.toLowerCase(Locale.ROOT);
        return k.contains("password") || k.contains("secret") || k.contains("jaas") || k.contains("token")
                || k.endsWith(".key") || k.contains("credentials");
    }

    /**
     * Refuses secret Kafka settings given as plain values on a command line, naming the file and
     * environment-variable alternatives.
     *
     * @param kafkaKeys the Kafka keys (e.g. {@code sasl.jaas.config}) the command line gave values for
     * @param option how the command line wrote them, the key appended, for the message, e.g.
     *     {@code "--kafka-property "}
     * @throws IllegalArgumentException naming the first secret key
     */
    public static void refuseSecretsOnCommandLine(Collection<String> kafkaKeys, String option) {
        for (String key : kafkaKeys) {
            if (isSecret(key)) {
                throw new IllegalArgumentException(option + key + ": a secret is not taken from the command line, "
                        + "where other users of this machine can read it (ps) and shell histories keep it. Put it in a "
                        + "file only Sitewatch can read and give " + PREFIX + ".property-files." + key + "=<file> (env "
                        + environmentVariable("PROPERTYFILES", key) + "=<file>), or set the environment variable "
                        + environmentVariable("PROPERTIES", key));
            }
        }
    }

    /**
     * The Kafka keys of the {@code sitewatch.kafka.properties.*} entries among Spring properties given
     * on a command line ({@code sitewatch.kafka.properties.sasl.jaas.config} or
     * {@code sitewatch.kafka.properties[sasl.jaas.config]} gives {@code sasl.jaas.config}).
     */
    public static List<String> kafkaKeysOf(Collection<String> springKeys) {
        String prefix = PREFIX + ".properties";
        List<String> keys = new ArrayList<>();
        for (String springKey : springKeys) {
            String k = springKey.toLowerCase(Locale.ROOT);
            if (k.startsWith(prefix + ".")) {
                keys.add(k.substring(prefix.length() + 1));
            } else if (k.startsWith(prefix + "[") && k.endsWith("]")) {
                keys.add(k.substring(prefix.length() + 1, k.length() - 1));
            }
        }
        return keys;
    }

    /** The environment variable Spring binds to {@code sitewatch.kafka.<section>.<key>}, e.g. SITEWATCH_KAFKA_PROPERTIES_SASL_JAAS_CONFIG. */
    private static String environmentVariable(String section, String key) {
        return "SITEWATCH_KAFKA_" + section + "_" + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    /**
     * {@code text} with every secret value of these settings (inline or read from a file) and every
     * {@code password="..."} of a JAAS configuration replaced by {@code [hidden]}: for messages built
     * from a Kafka client's exception, which may quote a configuration value.
     */
    public String redact(String text) {
        if (text == null) {
            return null;
        }
        List<String> secrets = new ArrayList<>();
        properties.forEach((k, v) -> {
            if (isSecret(k)) {
                secrets.add(v);
            }
        });
        propertyFiles.forEach((k, path) -> {
            if (isSecret(k)) {
                try {
                    secrets.add(readFile(k, path));
                } catch (IllegalArgumentException gone) {
                    // the file went away since start-up: nothing of it can be in the text
                }
            }
        });
        for (String value : List.copyOf(secrets)) {
            // a password inside a JAAS configuration may be quoted alone
            Matcher inner = JAAS_PASSWORD.matcher(value);
            while (inner.find()) {
                secrets.add(inner.group(3));
            }
        }
        // longest first, so a JAAS text is replaced whole before the password inside it
        secrets.sort(Comparator.comparingInt(String::length).reversed());
        String result = text;
        for (String value : secrets) {
            if (value.length() >= 4) {
                result = result.replace(value, "[hidden]");
            }
        }
        result = JAAS_PASSWORD.matcher(result).replaceAll("$1$2[hidden]$2");
        return result;
    }

    @Override
    public String toString() {
        Map<String, String> shown = new TreeMap<>();
        properties.forEach((k, v) -> shown.put(k, isSecret(k) ? "[hidden]" : v));
        Map<String, String> files = new LinkedHashMap<>(new TreeMap<>(propertyFiles));
        return "KafkaClientSettings[bootstrapServers=" + bootstrapServers + ", properties=" + shown
                + ", propertyFiles=" + files + "]";
    }

    private static String readFile(String key, String path) {
        if (path == null || path.isBlank()) {
            throw new IllegalArgumentException(PREFIX + ".property-files." + key + " is empty: give the path of "
                    + "the file that holds the value");
        }
        try {
            String value = Files.readString(Path.of(path), StandardCharsets.UTF_8);
            return value.endsWith("\n") ? value.substring(0, value.length() - 1) : value;
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException(PREFIX + ".property-files." + key + "=" + path
                    + ": cannot read the file (" + e.getClass().getSimpleName() + ")", e);
        }
    }
}
