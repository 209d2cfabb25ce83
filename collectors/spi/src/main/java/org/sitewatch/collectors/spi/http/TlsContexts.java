package org.sitewatch.collectors.spi.http;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Collection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import org.sitewatch.collectors.spi.CollectorException;
import org.sitewatch.events.CollectorErrorKind;

/**
 * Builds the TLS context of an endpoint, shared by every HTTP-based plug-in: the JVM's trusted CAs
 * by default; only the CA certificates of a PEM file when {@code ca-file} is set (like
 * {@code curl --cacert}); or, with {@code insecure-skip-tls-verify}, no certificate or host name
 * check at all.
 *
 * <p>Limits: no client certificates; the PEM file may hold several certificates but no keys.
 */
public final class TlsContexts {

    private TlsContexts() {
    }

    /**
     * The context for an endpoint; a CA file that cannot be read is a permanent CONFIG error.
     *
     * @param caFile PEM file of the CA certificate(s) to trust; null for the JVM's trust store
     * @param insecureSkipTlsVerify accept any certificate and host name (labs and tests only)
     * @param caFileKey the full key of the CA file setting, named in the remedy
     */
    public static SSLContext create(Path caFile, boolean insecureSkipTlsVerify, String caFileKey)
            throws CollectorException {
        try {
            if (insecureSkipTlsVerify) {
                return context(new TrustManager[] {new TrustEverything()});
            }
            if (caFile != null) {
                return context(trustManagers(caFile));
            }
            return SSLContext.getDefault();
        } catch (IOException | GeneralSecurityException e) {
            throw CollectorException.permanent(CollectorErrorKind.CONFIG,
                    "cannot use " + caFileKey + " " + caFile + ": "
                            + (e instanceof NoSuchFileException ? "no such file" : e.getMessage()),
                    "Point " + caFileKey + " at a readable PEM file holding the CA certificate that signed the "
                            + "endpoint's certificate", e);
        }
    }

    private static SSLContext context(TrustManager[] trustManagers) throws GeneralSecurityException {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trustManagers, null);
        return context;
    }

    private static TrustManager[] trustManagers(Path caFile) throws IOException, GeneralSecurityException {
        Collection<? extends Certificate> certificates;
        try (InputStream in = Files.newInputStream(caFile)) {
            certificates = CertificateFactory.getInstance("X.509").generateCertificates(in);
        }
        if (certificates.isEmpty()) {
            throw new GeneralSecurityException("no certificate found in the file");
        }
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        store.load(null, null);
        int n = 0;
        for (Certificate certificate : certificates) {
            store.setCertificateEntry("ca-" + n++, certificate);
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(store);
        return factory.getTrustManagers();
    }

    /**
     * Accepts any certificate. Being an {@link X509ExtendedTrustManager}, JSSE does not wrap it with
     * its own host name check, so a certificate issued for another name is accepted too.
     */
    private static final class TrustEverything extends X509ExtendedTrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
