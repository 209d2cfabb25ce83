package org.sitewatch.collectors.storage;

import java.time.Instant;
import org.sitewatch.collectors.spi.CollectorException;
import org.sitewatch.collectors.spi.Snapshot;

/**
 * A storage replication reader a collector calls once per poll: it runs its status command and
 * adds one replication record per replicated item to the poll's snapshot (skipped records with
 * their reason, the type marked partial). Not thread-safe: one poll at a time.
 */
public interface StorageReplication extends AutoCloseable {

    /**
     * @param now the poll's instant (the records' observation time, and the base of their lag)
     * @throws CollectorException when the status cannot be read at all (the host is unreachable,
     *     the login refused, the command failed or its output is unreadable): nothing was added
     */
    void read(Instant now, Snapshot.Builder out) throws CollectorException;

    /** Releases the command runner (the SSH client). */
    @Override
    void close();
}
