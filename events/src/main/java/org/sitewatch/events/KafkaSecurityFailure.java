package org.sitewatch.events;

import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.util.Locale;
import java.util.Optional;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.SslAuthenticationException;
import org.apache.kafka.common.errors.UnsupportedSaslMechanismException;

/**
 * Says, in one sentence, why a Kafka client could not use a secured cluster and what to set: the
 * login was refused, the broker's certificate is not trusted or does not name the host, the TLS
 * handshake failed, or the client settings themselves cannot be used. Start-up probes (topic
 * provisioning, the audit's connection) put it in their error instead of "no broker answered".
 *
 * <p>Kafka fails these at once (an authentication failure is not retried), so a wrong password or
 * truststore is reported within a second, not after a time-out. Limit: a client speaking PLAINTEXT
 * to a TLS listener sees only dropped connections and is reported by the caller's time-out message.
 */
public final class KafkaSecurityFailure {

    private static final String P = KafkaClientSettings.PREFIX + ".properties.";
    private static final String F = KafkaClientSettings.PREFIX + ".property-files.";

    private KafkaSecurityFailure() {
    }

    /**
     * @param failure what the client threw (any wrapper: the cause chain is searched)
     * @param bootstrapServers where the client connected, for the message
     * @return the explanation when the failure comes from the security settings, else empty
     */
    public static Optional<String> explain(Throwable failure, String bootstrapServers) {
        String kafka = "Kafka at " + bootstrapServers;
        AuthenticationException auth = find(failure, AuthenticationException.class);
        if (auth instanceof UnsupportedSaslMechanismException) {
            return Optional.of(kafka + " does not accept this SASL mechanism (" + auth.getMessage() + "): set " + P
                    + "sasl.mechanism to one its listener enables (SCRAM-SHA-512, PLAIN)");
        }
        if (auth instanceof SaslAuthenticationException) {
            return Optional.of(kafka + " refused the login: authentication failed (" + auth.getMessage() + "). Check the "
                    + "user name and password in " + P + "sasl.jaas.config (best given as a file: " + F
                    + "sasl.jaas.config) and " + P + "sasl.mechanism");
        }
        if (auth instanceof SslAuthenticationException) {
            return Optional.of(tlsProblem(auth, kafka));
        }
        if (auth != null) {
            return Optional.of(kafka + " refused this client (" + auth.getMessage() + "): check " + P
                    + "security.protocol and the sasl.* and ssl.* settings");
        }
        KafkaException construction = find(failure, KafkaException.class);
        if (construction != null && construction.getMessage() != null
                && construction.getMessage().toLowerCase(Locale.ROOT).startsWith("failed to c")) {
            // "Failed to create new KafkaAdminClient", "Failed to construct kafka consumer": bad client settings
            return Optional.of("the Kafka client settings cannot be used (" + rootMessage(construction) + "): check "
                    + KafkaClientSettings.PREFIX + ".* (files named by " + F + "* must exist and be readable)");
        }
        ConfigException config = find(failure, ConfigException.class);
        if (config != null) {
            return Optional.of("the Kafka client settings cannot be used (" + config.getMessage() + "): check "
                    + KafkaClientSettings.PREFIX + ".*");
        }
        return Optional.empty();
    }

    private static String tlsProblem(AuthenticationException failure, String kafka) {
        String root = rootMessage(failure);
        String lower = root.toLowerCase(Locale.ROOT);
        boolean untrusted = find(failure, CertPathBuilderException.class) != null
                || find(failure, CertPathValidatorException.class) != null
                || lower.contains("pkix path") || lower.contains("unable to find valid certification path");
        if (untrusted) {
            return kafka + " presented a certificate that is not trusted (" + root + "): give the certificate of the CA "
                    + "that signed it, as a truststore (" + P + "ssl.truststore.location, its password from a file: " + F
                    + "ssl.truststore.password) or a PEM file (" + P + "ssl.truststore.type=PEM and " + P
                    + "ssl.truststore.location=<ca.pem>)";
        }
        boolean wrongHost = find(failure, CertificateException.class) != null
                && (lower.contains("subject alternative") || lower.contains("no name matching"));
        if (wrongHost) {
            return kafka + " presented a certificate that does not name the host connected to (" + root + "): connect "
                    + "by a name or address the certificate holds";
        }
        return "the TLS handshake with " + kafka + " failed (" + root + "): if the broker asks for a client certificate "
                + "(mTLS), set " + P + "ssl.keystore.location and the passwords from files (" + F
                + "ssl.keystore.password, " + F + "ssl.key.password); check " + P + "security.protocol (SSL or SASL_SSL)";
    }

    private static <T extends Throwable> T find(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
