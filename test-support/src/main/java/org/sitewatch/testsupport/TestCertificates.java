package org.sitewatch.testsupport;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.UUID;

/**
 * A throw-away certificate authority and the certificates a TLS test needs, made in this JVM with
 * the JDK's own APIs only (the X.509 structure written here in DER, signed with
 * {@link Signature}; no keytool processes, no extra library): a CA, a broker certificate signed by it
 * naming {@code 127.0.0.1} and {@code localhost}, and a client certificate signed by it for mutual
 * TLS. Stores are PKCS12 with one random password ({@link #password()}); the CA certificate is also a
 * PEM file. EC P-256 keys, valid for two days.
 *
 * @param caPem the CA certificate, PEM
 * @param truststore PKCS12 holding the CA certificate
 * @param brokerKeystore PKCS12 with the broker's key and certificate chain
 * @param clientKeystore PKCS12 with the client's key and certificate chain (mTLS)
 * @param password of every store and key
 */
public record TestCertificates(Path caPem, Path truststore, Path brokerKeystore, Path clientKeystore, String password) {

    private static final String ECDSA_WITH_SHA256 = "1.2.840.10045.4.3.2";
    private static final String COMMON_NAME = "2.5.4.3";
    private static final String BASIC_CONSTRAINTS = "2.5.29.19";
    private static final String SUBJECT_ALT_NAME = "2.5.29.17";

    /** Creates everything in {@code dir} (created if missing). */
    public static TestCertificates create(Path dir) {
        try {
            Files.createDirectories(dir);
            String password = "store-" + UUID.randomUUID();
            KeyPair ca = keyPair();
            X509Certificate caCert = certificate("Sitewatch Test CA", ca, "Sitewatch Test CA", ca.getPrivate(), true);
            KeyPair broker = keyPair();
            X509Certificate brokerCert = certificate("localhost", broker, "Sitewatch Test CA", ca.getPrivate(), false);
            KeyPair client = keyPair();
            X509Certificate clientCert = certificate("sitewatch-client", client, "Sitewatch Test CA", ca.getPrivate(), false);

            Path caPem = Files.writeString(dir.resolve("ca.pem"), "-----BEGIN CERTIFICATE-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(caCert.getEncoded())
                    + "\n-----END CERTIFICATE-----\n");
            KeyStore trust = emptyStore();
            trust.setCertificateEntry("ca", caCert);
            Path truststore = store(trust, dir.resolve("truststore.p12"), password);
            Path brokerKeystore = keystore(dir.resolve("broker.p12"), "broker", broker.getPrivate(), brokerCert, caCert, password);
            Path clientKeystore = keystore(dir.resolve("client.p12"), "client", client.getPrivate(), clientCert, caCert, password);
            return new TestCertificates(caPem, truststore, brokerKeystore, clientKeystore, password);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the test certificates to " + dir, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot make the test certificates", e);
        }
    }

    private static KeyPair keyPair() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }

    /** An X.509 v3 certificate of {@code subject}'s key, signed by {@code issuerKey}. */
    private static X509Certificate certificate(String subject, KeyPair subjectKeys, String issuer, PrivateKey issuerKey,
                                               boolean authority) throws GeneralSecurityException {
        byte[] algorithm = Der.sequence(Der.oid(ECDSA_WITH_SHA256));
        Instant now = Instant.now();
        byte[] extension = authority
                ? Der.sequence(Der.oid(BASIC_CONSTRAINTS), Der.bool(true), Der.octets(Der.sequence(Der.bool(true))))
                : Der.sequence(Der.oid(SUBJECT_ALT_NAME), Der.octets(Der.sequence(
                        Der.tlv(0x87, new byte[] {127, 0, 0, 1}),                          // iPAddress
                        Der.tlv(0x82, "localhost".getBytes(StandardCharsets.US_ASCII))))); // dNSName
        byte[] toBeSigned = Der.sequence(
                Der.tlv(0xA0, Der.integer(BigInteger.TWO)), // version 3
                Der.integer(new BigInteger(63, new SecureRandom())),
                algorithm,
                name(issuer),
                Der.sequence(Der.time(now.minus(Duration.ofHours(1))), Der.time(now.plus(Duration.ofDays(2)))),
                name(subject),
                subjectKeys.getPublic().getEncoded(), // SubjectPublicKeyInfo, already DER
                Der.tlv(0xA3, Der.sequence(extension)));
        Signature signature = Signature.getInstance("SHA256withECDSA");
        signature.initSign(issuerKey);
        signature.update(toBeSigned);
        byte[] signed = Der.sequence(toBeSigned, algorithm, Der.bitString(signature.sign()));
        return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(signed));
    }

    private static byte[] name(String commonName) {
        return Der.sequence(Der.tlv(0x31, Der.sequence(Der.oid(COMMON_NAME),
                Der.tlv(0x0C, commonName.getBytes(StandardCharsets.UTF_8)))));
    }

    private static Path keystore(Path file, String alias, PrivateKey key, X509Certificate certificate, X509Certificate ca,
                                 String password) throws GeneralSecurityException, IOException {
        KeyStore store = emptyStore();
        store.setKeyEntry(alias, key, password.toCharArray(), new Certificate[] {certificate, ca});
        return store(store, file, password);
    }

    private static KeyStore emptyStore() throws GeneralSecurityException, IOException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        return store;
    }

    private static Path store(KeyStore store, Path file, String password) throws GeneralSecurityException, IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, password.toCharArray());
        }
        return file;
    }

    /** The few DER encodings an X.509 certificate needs. */
    private static final class Der {

        static byte[] tlv(int tag, byte[] content) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.write(tag);
            int length = content.length;
            if (length < 0x80) {
                out.write(length);
            } else {
                byte[] digits = BigInteger.valueOf(length).toByteArray();
                int start = digits[0] == 0 ? 1 : 0;
                out.write(0x80 | (digits.length - start));
                out.write(digits, start, digits.length - start);
            }
            out.writeBytes(content);
            return out.toByteArray();
        }

        static byte[] sequence(byte[]... parts) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            for (byte[] part : parts) {
                out.writeBytes(part);
            }
            return tlv(0x30, out.toByteArray());
        }

        static byte[] integer(BigInteger value) {
            return tlv(0x02, value.toByteArray());
        }

        static byte[] bool(boolean value) {
            return tlv(0x01, new byte[] {(byte) (value ? 0xFF : 0)});
        }

        static byte[] octets(byte[] value) {
            return tlv(0x04, value);
        }

        static byte[] bitString(byte[] value) {
            byte[] content = new byte[value.length + 1]; // first byte: no unused bits
            System.arraycopy(value, 0, content, 1, value.length);
            return tlv(0x03, content);
        }

        static byte[] time(Instant instant) {
            String utc = DateTimeFormatter.ofPattern("yyMMddHHmmss'Z'").withZone(ZoneOffset.UTC).format(instant);
            return tlv(0x17, utc.getBytes(StandardCharsets.US_ASCII));
        }

        static byte[] oid(String dotted) {
            String[] arcs = dotted.split("\\.");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.write(Integer.parseInt(arcs[0]) * 40 + Integer.parseInt(arcs[1]));
            for (int i = 2; i < arcs.length; i++) {
                long arc = Long.parseLong(arcs[i]);
                int groups = Math.max(1, (64 - Long.numberOfLeadingZeros(arc) + 6) / 7);
                for (int g = groups - 1; g >= 0; g--) {
                    out.write((int) ((arc >>> (7 * g)) & 0x7F) | (g > 0 ? 0x80 : 0));
                }
            }
            return tlv(0x06, out.toByteArray());
        }
    }
}
