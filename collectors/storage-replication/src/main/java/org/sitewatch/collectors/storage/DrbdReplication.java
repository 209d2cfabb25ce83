package org.sitewatch.collectors.storage;

import java.time.Instant;
import java.util.List;
import org.sitewatch.collectors.spi.CollectorException;
import org.sitewatch.collectors.spi.Snapshot;
import org.sitewatch.events.CollectorErrorKind;

/**
 * DRBD replication of one host: runs {@code drbdsetup status --json} (or the configured command)
 * and maps every resource and peer to a record. Output that is not the expected JSON fails the
 * read as a retriable MALFORMED.
 */
public final class DrbdReplication implements StorageReplication {

    private final CommandRunner runner;
    private final DrbdMapper mapper;

    DrbdReplication(DrbdSettings settings, ReportingEndpoint endpoint, CommandRunner runner) {
        this.runner = runner;
        this.mapper = new DrbdMapper(settings, endpoint);
    }

    /**
     * @param key the DRBD block's full key, e.g. {@code sitewatch.collectors.endpoints[0].libvirt.drbd}
     * @throws CollectorException (permanent) when the SSH key or known-hosts file cannot be used
     */
    public static DrbdReplication create(DrbdSettings settings, String key, ReportingEndpoint endpoint)
            throws CollectorException {
        return new DrbdReplication(settings, endpoint, CommandRunner.create(settings.command(), key + ".command"));
    }

    @Override
    public void read(Instant now, Snapshot.Builder out) throws CollectorException {
        String json = runner.run(List.of());
        List<DrbdStatus> resources;
        try {
            resources = DrbdStatusParser.parse(json);
        } catch (IllegalArgumentException e) {
            throw CollectorException.retriable(CollectorErrorKind.MALFORMED, "drbd status from " + runner.where()
                    + " is not drbdsetup's JSON: " + e.getMessage(), e);
        }
        mapper.map(resources, now, out);
    }

    @Override
    public void close() {
        runner.close();
    }
}
