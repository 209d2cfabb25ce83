package org.sitewatch.broker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Exclusive lock on a broker data directory, held for the whole life of a running broker.
 *
 * <p>Kafka locks its log directories too, but only deep inside startup and with a generic error.
 * Taking our own lock first gives a clear message and guarantees nothing in the directory is touched
 * (no formatting, no Kafka start) while another broker owns it. It works across processes (OS file
 * lock) and inside one JVM ({@link OverlappingFileLockException}).
 *
 * <p>Limit: advisory only; on file systems without lock support (some network mounts) it may not
 * protect anything.
 */
final class DataDirLock implements AutoCloseable {

    static final String LOCK_FILE = "sitewatch-broker.lock";

    private final FileChannel channel;
    private final FileLock lock;

    private DataDirLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Locks {@code dataDir} (which must exist).
     *
     * @throws IllegalStateException if another broker, in this or another process, holds the lock
     */
    static DataDirLock acquire(Path dataDir) {
        Path file = dataDir.resolve(LOCK_FILE);
        FileChannel channel;
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open lock file " + file, e);
        }
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null; // held by this JVM, i.e. another EmbeddedKafkaBroker instance
        } catch (IOException e) {
            closeQuietly(channel);
            throw new UncheckedIOException("Cannot lock " + file, e);
        }
        if (lock == null) {
            closeQuietly(channel);
            throw new IllegalStateException("Kafka data dir " + dataDir.toAbsolutePath()
                    + " is locked by another running broker (in this or another process);"
                    + " stop that broker or use a different data dir");
        }
        return new DataDirLock(channel, lock);
    }

    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException ignored) {
            // closing the channel below releases the lock anyway
        }
        closeQuietly(channel);
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // the OS drops the lock with the descriptor
        }
    }
}
