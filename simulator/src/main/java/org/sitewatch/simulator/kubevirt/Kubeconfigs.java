package org.sitewatch.simulator.kubevirt;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Writes the kubeconfig a collector reads the simulated cluster with: the listener's URL, its
 * certificate as {@code certificate-authority}, and the bearer token. One file per distinct
 * content, readable by this user only (it holds the token), deleted when the JVM exits.
 */
final class Kubeconfigs {

    private static final Map<String, Path> WRITTEN = new ConcurrentHashMap<>();

    private Kubeconfigs() {
    }

    static String contextName(String cluster) {
        return "sitewatch@" + cluster;
    }

    static Path write(String cluster, String server, Path caCertificatePem, String token, String namespace) {
        String text = """
                apiVersion: v1
                kind: Config
                clusters:
                  - name: %1$s
                    cluster:
                      server: "%2$s"
                      certificate-authority: "%3$s"
                users:
                  - name: sitewatch
                    user:
                      token: "%4$s"
                contexts:
                  - name: "%5$s"
                    context:
                      cluster: %1$s
                      user: sitewatch
                      namespace: %6$s
                current-context: "%5$s"
                """.formatted(cluster, server, caCertificatePem.toAbsolutePath(), token, contextName(cluster), namespace);
        return WRITTEN.computeIfAbsent(text, t -> writeFile(cluster, t));
    }

    private static Path writeFile(String cluster, String text) {
        try {
            Path file = FileSystems.getDefault().supportedFileAttributeViews().contains("posix")
                    ? Files.createTempFile("sitewatch-" + cluster + "-", ".kubeconfig",
                            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
                    : Files.createTempFile("sitewatch-" + cluster + "-", ".kubeconfig");
            Files.writeString(file, text, StandardCharsets.UTF_8);
            file.toFile().deleteOnExit();
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the kubeconfig of simulated cluster " + cluster, e);
        }
    }
}
