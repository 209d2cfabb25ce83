package org.sitewatch.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.cert.CertPathBuilderException;
import java.security.cert.CertificateException;
import java.util.concurrent.ExecutionException;
import javax.net.ssl.SSLHandshakeException;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.SslAuthenticationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.UnsupportedSaslMechanismException;
import org.junit.jupiter.api.Test;

/**
 * The sentence a start-up error gives for each way a secured cluster refuses a client, built from the
 * exceptions the Kafka client throws (wrapped as the admin client's futures wrap them). The real
 * broker's exceptions are checked end to end by the app's SecuredKafkaIT.
 */
class KafkaSecurityFailureTest {

    private static final String KAFKA = "k1:9093";

    @Test
    void shouldSayTheLoginWasRefusedAndWhereTheCredentialsAreSet() {
        Throwable failure = new ExecutionException(new SaslAuthenticationException(
                "Authentication failed during authentication due to invalid credentials with SASL mechanism SCRAM-SHA-512"));

        assertThat(KafkaSecurityFailure.explain(failure, KAFKA)).get().asString()
                .contains("Kafka at k1:9093 refused the login: authentication failed", "SCRAM-SHA-512",
                        "sitewatch.kafka.property-files.sasl.jaas.config", "sitewatch.kafka.properties.sasl.mechanism");
    }

    @Test
    void shouldSayTheBrokersCertificateIsNotTrustedAndHowToGiveTheCa() {
        SSLHandshakeException handshake = new SSLHandshakeException("PKIX path building failed");
        handshake.initCause(new CertPathBuilderException("unable to find valid certification path to requested target"));
        Throwable failure = new ExecutionException(new SslAuthenticationException("SSL handshake failed", handshake));

        assertThat(KafkaSecurityFailure.explain(failure, KAFKA)).get().asString()
                .contains("certificate that is not trusted", "sitewatch.kafka.properties.ssl.truststore.location",
                        "ssl.truststore.type=PEM");
    }

    @Test
    void shouldSayTheCertificateDoesNotNameTheHost() {
        SSLHandshakeException handshake = new SSLHandshakeException("No subject alternative names matching IP address 10.0.0.1 found");
        handshake.initCause(new CertificateException("No subject alternative names matching IP address 10.0.0.1 found"));

        assertThat(KafkaSecurityFailure.explain(new SslAuthenticationException("SSL handshake failed", handshake), KAFKA))
                .get().asString().contains("does not name the host");
    }

    @Test
    void shouldPointAtTheClientCertificateWhenTheHandshakeFailsOtherwise() {
        SslAuthenticationException refused = new SslAuthenticationException("SSL handshake failed",
                new SSLHandshakeException("Received fatal alert: certificate_required"));

        assertThat(KafkaSecurityFailure.explain(refused, KAFKA)).get().asString()
                .contains("TLS handshake with Kafka at k1:9093 failed", "certificate_required",
                        "sitewatch.kafka.properties.ssl.keystore.location", "security.protocol");
    }

    @Test
    void shouldNameAnUnsupportedMechanism() {
        assertThat(KafkaSecurityFailure.explain(new UnsupportedSaslMechanismException("Client SASL mechanism 'PLAIN' not enabled"), KAFKA))
                .get().asString().contains("does not accept this SASL mechanism", "sasl.mechanism");
    }

    @Test
    void shouldSayTheClientSettingsCannotBeUsedWhenNoClientCanBeMade() {
        KafkaException construction = new KafkaException("Failed to create new KafkaAdminClient",
                new IllegalArgumentException("Could not find a 'KafkaClient' entry in the JAAS configuration"));

        assertThat(KafkaSecurityFailure.explain(construction, KAFKA)).get().asString()
                .contains("the Kafka client settings cannot be used", "'KafkaClient' entry");
    }

    @Test
    void shouldLeaveOtherFailuresToTheCaller() {
        assertThat(KafkaSecurityFailure.explain(new ExecutionException(new TimeoutException("timed out")), KAFKA)).isEmpty();
        assertThat(KafkaSecurityFailure.explain(new IllegalStateException("no topic"), KAFKA)).isEmpty();
    }
}
