package org.sitewatch.collectors.storage;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.sitewatch.collectors.spi.CollectorException;
import org.sitewatch.collectors.spi.Snapshot;
import org.sitewatch.events.CollectorErrorKind;
import org.sitewatch.events.EventType;

/**
 * Ceph RBD mirroring of the configured images: one {@code rbd mirror image status --format json
 * <pool>/<image>} run per image per poll. An image whose command exits non-zero or answers
 * something unreadable is skipped with the reason (the others are still reported); a failure to
 * reach the host or to log in, a time-out, or a permanent failure fails the whole read.
 */
public final class CephMirrorReplication implements StorageReplication {

    private final CephMirrorSettings settings;
    private final CommandRunner runner;
    private final CephMirrorMapper mapper;

    CephMirrorReplication(CephMirrorSettings settings, ReportingEndpoint endpoint, CommandRunner runner) {
        this.settings = settings;
        this.runner = runner;
        this.mapper = new CephMirrorMapper(settings, endpoint);
    }

    /**
     * @param key the Ceph block's full key, e.g. {@code sitewatch.collectors.endpoints[0].libvirt.ceph}
     * @throws CollectorException (permanent) when the SSH key or known-hosts file cannot be used
     */
    public static CephMirrorReplication create(CephMirrorSettings settings, String key, ReportingEndpoint endpoint)
            throws CollectorException {
        return new CephMirrorReplication(settings, endpoint, CommandRunner.create(settings.command(), key + ".command"));
    }

    @Override
    public void read(Instant now, Snapshot.Builder out) throws CollectorException {
        for (Map.Entry<String, String> image : settings.images().entrySet()) {
            String spec = image.getKey();
            String json;
            try {
                json = runner.run(List.of(spec));
            } catch (CollectorException e) {
                if (e.permanent() || e.kind() != CollectorErrorKind.INTERNAL && e.kind() != CollectorErrorKind.MALFORMED) {
                    throw e;
                }
                skip(out, spec, e.getMessage());
                continue;
            }
            try {
                out.state(mapper.map(spec, image.getValue(), CephMirrorStatusParser.parse(json), now));
            } catch (IllegalArgumentException e) {
                skip(out, spec, "status from " + runner.where() + " is not rbd's JSON: " + e.getMessage());
            }
        }
        mapper.retain(settings.images().keySet());
    }

    private static void skip(Snapshot.Builder out, String spec, String reason) {
        out.skipped("ceph image " + spec + ": " + reason);
        out.partial(EventType.REPLICATION_STATUS);
    }

    @Override
    public void close() {
        runner.close();
    }
}
