package org.sitewatch.streams.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * This instance's {@code group.instance.id} (static group membership): a restarted instance rejoins under
 * the same id and the group hands its tasks straight back, instead of waiting out the dead process's
 * session (45 s by default) before a rebalance. Chosen as: {@code sitewatch.streams.instance-id} when set;
 * else the id stored in the state directory's {@value #FILE_NAME}, written once with a random UUID at the
 * first start. The state directory belongs to one instance (Kafka Streams locks it), so the stored id is
 * unique as long as nobody copies the directory; an explicit id must be unique by the operator's care.
 */
public final class StreamsInstanceId {

    /** Beside Kafka Streams' per-application folders, which {@code KafkaStreams.cleanUp()} may delete. */
    public static final String FILE_NAME = "sitewatch-instance-id";

    // Kafka's rule for a group.instance.id (as for topic names), leaving room for Streams' "-<thread>" suffix.
    private static final Pattern VALID = Pattern.compile("[a-zA-Z0-9._-]{1,240}");

    private StreamsInstanceId() {
    }

    /**
     * The id to use: {@code explicit} when set, else the one kept in {@code stateDir} (made on first use);
     * null when neither exists (no state directory configured: dynamic membership).
     */
    public static String resolve(String explicit, String stateDir) {
        if (explicit != null && !explicit.isBlank()) {
            return requireValid(explicit.trim(), "sitewatch.streams.instance-id");
        }
        if (stateDir == null || stateDir.isBlank()) {
            return null;
        }
        return stored(Path.of(stateDir));
    }

    /** The id in {@code stateDir}'s {@value #FILE_NAME}, written first if the file does not exist. */
    static String stored(Path stateDir) {
        Path file = stateDir.resolve(FILE_NAME);
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(stateDir);
                try {
                    Files.writeString(file, "sitewatch-" + UUID.randomUUID() + "\n", StandardCharsets.UTF_8,
                            java.nio.file.StandardOpenOption.CREATE_NEW);
                } catch (FileAlreadyExistsException raced) {
                    // another start made it first: read theirs
                }
            }
            return requireValid(Files.readString(file, StandardCharsets.UTF_8).trim(), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the streams instance id in " + file
                    + "; make the state directory writable or set sitewatch.streams.instance-id", e);
        }
    }

    /** {@code id} if Kafka accepts it as a {@code group.instance.id}; else an error naming {@code where} it came from. */
    static String requireValid(String id, String where) {
        if (!VALID.matcher(id).matches()) {
            throw new IllegalArgumentException(where + "='" + id + "': an instance id is 1 to 240 characters of "
                    + "a-z, A-Z, 0-9, '.', '_' and '-', unique per streams instance");
        }
        return id;
    }
}
