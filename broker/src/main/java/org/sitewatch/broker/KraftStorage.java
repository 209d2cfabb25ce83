package org.sitewatch.broker;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;

import org.apache.kafka.common.Uuid;
import org.apache.kafka.metadata.storage.Formatter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The KRaft storage of the single node: one log directory that also holds the metadata log.
 *
 * <p>Knows whether the directory is formatted, which cluster it belongs to, and formats it with
 * Kafka's own {@link Formatter} (what {@code kafka-storage.sh format} runs), called directly so that
 * no command-line main can exit the JVM.
 *
 * <p>Limits: one directory only; formats for a static controller quorum (kraft.version 0, the voter
 * comes from {@code controller.quorum.voters} on every start, so the controller port may change
 * between runs). SCRAM credentials and feature overrides are not supported.
 */
final class KraftStorage {

    private static final Logger log = LoggerFactory.getLogger(KraftStorage.class);
    private static final String META_PROPERTIES = "meta.properties";

    private final Path logDir;

    KraftStorage(Path logDir) {
        this.logDir = logDir;
    }

    Path logDir() {
        return logDir;
    }

    /** True once {@code meta.properties} exists, i.e. the directory was formatted before. */
    boolean isFormatted() {
        return Files.isRegularFile(logDir.resolve(META_PROPERTIES));
    }

    /** The cluster id recorded in {@code meta.properties}, if formatted. */
    Optional<String> existingClusterId() {
        if (!isFormatted()) {
            return Optional.empty();
        }
        Properties meta = new Properties();
        try (InputStream in = Files.newInputStream(logDir.resolve(META_PROPERTIES))) {
            meta.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + logDir.resolve(META_PROPERTIES), e);
        }
        return Optional.ofNullable(meta.getProperty("cluster.id"));
    }

    /**
     * The cluster id to run with: the recorded one if formatted, else {@code requested}, else a new
     * random one (persisted by {@link #format}).
     *
     * @throws IllegalStateException if the directory belongs to a different cluster than requested
     */
    String resolveClusterId(Optional<String> requested) {
        Optional<String> existing = existingClusterId();
        if (existing.isPresent()) {
            if (requested.isPresent() && !requested.get().equals(existing.get())) {
                throw new IllegalStateException("Kafka data dir " + logDir.toAbsolutePath()
                        + " belongs to cluster " + existing.get() + ", not to the requested cluster "
                        + requested.get() + "; use another data dir or drop the cluster id");
            }
            return existing.get();
        }
        if (isFormatted()) {
            throw new IllegalStateException(META_PROPERTIES + " in " + logDir.toAbsolutePath() + " has no cluster.id");
        }
        return requested.orElseGet(() -> Uuid.randomUuid().toString());
    }

    /** Formats the (not yet formatted) directory for {@code clusterId} and node {@code nodeId}. */
    void format(String clusterId, int nodeId, String controllerListenerName) {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8)) {
            Files.createDirectories(logDir);
            new Formatter()
                    .setPrintStream(out)
                    .setClusterId(clusterId)
                    .setNodeId(nodeId)
                    .setControllerListenerName(controllerListenerName)
                    .setMetadataLogDirectory(logDir.toString())
                    .addDirectory(logDir.toString())
                    .setHasDynamicQuorum(false)
                    .setIgnoreFormatted(false)
                    .run();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot format Kafka data dir " + logDir.toAbsolutePath(), e);
        }
        log.info("Formatted Kafka data dir {} for cluster {}: {}", logDir, clusterId,
                output.toString(StandardCharsets.UTF_8).trim());
    }
}
