package org.sitewatch.simulator.libvirt;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Where the simulated {@code drbdsetup status --json} output of each node lives:
 * {@code <dir>/<cluster>/<node>.json}, which a collector reads with {@code cat}. Each file is
 * replaced atomically (written beside, then renamed), so a reader never sees half a document.
 */
final class DrbdStatusFiles {

    private final Path dir;

    DrbdStatusFiles(Path dir) {
        this.dir = dir;
    }

    /** A directory of its own below the system's temporary directory, removed when the JVM exits. */
    static DrbdStatusFiles inTemporaryDirectory() {
        try {
            Path dir = Files.createTempDirectory("sitewatch-simulator-drbd-");
            dir.toFile().deleteOnExit();
            return new DrbdStatusFiles(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("libvirt front: cannot create a directory for the DRBD status files", e);
        }
    }

    Path file(String cluster, String node) {
        return dir.resolve(cluster).resolve(node + ".json");
    }

    void write(String cluster, String node, String json) {
        Path target = file(cluster, node);
        try {
            if (!Files.isDirectory(target.getParent())) {
                Files.createDirectories(target.getParent());
                target.getParent().toFile().deleteOnExit();
            }
            Path partial = target.resolveSibling(target.getFileName() + ".partial");
            Files.writeString(partial, json, StandardCharsets.UTF_8);
            if (!Files.exists(target)) {
                target.toFile().deleteOnExit();
            }
            try {
                Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("libvirt front: cannot write the DRBD status file " + target, e);
        }
    }

    /** A node that is down answers nothing: its file goes, so reading it fails as running a command there would. */
    void remove(String cluster, String node) {
        Path target = file(cluster, node);
        try {
            Files.deleteIfExists(target);
        } catch (IOException e) {
            throw new UncheckedIOException("libvirt front: cannot remove the DRBD status file " + target, e);
        }
    }
}
