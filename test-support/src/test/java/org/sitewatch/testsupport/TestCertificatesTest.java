package org.sitewatch.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The certificates validate as the JDK's TLS stack will check them: chain to the CA, names of the broker. */
class TestCertificatesTest {

    @TempDir
    Path dir;

    @Test
    void shouldSignTheBrokerAndClientCertificatesWithTheCaOfTheTruststoreAndThePemFile() throws Exception {
        TestCertificates certs = TestCertificates.create(dir);

        X509Certificate ca = (X509Certificate) load(certs.truststore(), certs.password()).getCertificate("ca");
        X509Certificate pem;
        try (InputStream in = Files.newInputStream(certs.caPem())) {
            pem = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
        assertThat(pem).isEqualTo(ca);
        assertThat(ca.getBasicConstraints()).isGreaterThanOrEqualTo(0);

        Certificate[] broker = load(certs.brokerKeystore(), certs.password()).getCertificateChain("broker");
        validate(broker, ca);
        assertThat(((X509Certificate) broker[0]).getSubjectAlternativeNames())
                .contains(List.of(7, "127.0.0.1"), List.of(2, "localhost"));
        validate(load(certs.clientKeystore(), certs.password()).getCertificateChain("client"), ca);
    }

    @Test
    void shouldNotValidateAgainstAnotherCa() throws Exception {
        TestCertificates certs = TestCertificates.create(dir.resolve("a"));
        TestCertificates other = TestCertificates.create(dir.resolve("b"));
        X509Certificate otherCa = (X509Certificate) load(other.truststore(), other.password()).getCertificate("ca");

        assertThatThrownBy(() -> validate(load(certs.brokerKeystore(), certs.password()).getCertificateChain("broker"), otherCa))
                .isInstanceOf(CertPathValidatorException.class);
    }

    private static void validate(Certificate[] chain, X509Certificate ca) throws Exception {
        PKIXParameters parameters = new PKIXParameters(Set.of(new TrustAnchor(ca, null)));
        parameters.setRevocationEnabled(false);
        CertPathValidator.getInstance("PKIX").validate(
                CertificateFactory.getInstance("X.509").generateCertPath(List.of(chain[0])), parameters);
    }

    private static KeyStore load(Path file, String password) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            store.load(in, password.toCharArray());
        }
        return store;
    }
}
