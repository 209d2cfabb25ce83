package org.sitewatch.audit.state;

import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.sitewatch.audit.AuditDurations;
import org.sitewatch.audit.export.Manifest;
import org.sitewatch.audit.export.Tool;
import org.sitewatch.audit.replay.PartitionStats;
import org.sitewatch.core.fold.AggregateLimits;
import org.sitewatch.core.fold.HealthRules;

/**
 * The manifest of a state export: the instant, the site, the rules and limits the views were judged
 * with, the offsets folded (from the start of retention), the hash chain over the folded events and
 * the SHA-256 of the rendered file. A verification folds the same offsets again and compares.
 */
public final class StateExport {

    private StateExport() {
    }

    public static Manifest manifest(RebuiltState state, String site, StateFormat format, String fileName, byte[] rendered,
                                    Duration maxLateness, HealthConfig config, String bootstrapServers, Instant createdAt) {
        List<PartitionStats> partitions = state.plan().partitions().stream().map(PartitionStats::empty).toList();
        return new Manifest(Manifest.VERSION, Manifest.STATE, Tool.name(), createdAt,
                new Manifest.KafkaRef(bootstrapServers, state.clusterId()), null, null, state.at(), site,
                AuditDurations.format(maxLateness), null, format.word(),
                new Manifest.ExportedFile(fileName, rendered.length, sha256(rendered)), state.chainLength(),
                Manifest.Chain.of(state.chainHead()), partitions, null, state.undecodable().count(),
                state.undecodable().samples(), state.stats().oldestAvailable(), !state.stats().complete(),
                config.rules(), config.limits());
    }

    /** The rules and limits a state manifest was made with. */
    public static HealthConfig config(Manifest m) {
        HealthRules rules = m.rules() == null ? HealthRules.defaultRules() : m.rules();
        AggregateLimits limits = m.limits() == null ? AggregateLimits.DEFAULTS : m.limits();
        return new HealthConfig(rules, limits);
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM must provide SHA-256", e);
        }
    }
}
