package org.sitewatch.collectors.storage;

import static org.sitewatch.events.ReplicationHealth.CRITICAL;
import static org.sitewatch.events.ReplicationHealth.OK;
import static org.sitewatch.events.ReplicationHealth.WARNING;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sitewatch.events.ReplicationHealth;
import org.sitewatch.events.ReplicationState;
import org.sitewatch.events.ReplicationStatus;

/**
 * Maps one image's {@code rbd mirror image status} to a {@link ReplicationStatus} (item id
 * {@code rbd:<pool>/<image>}). The state word after {@code up+}/{@code down+} gives state and
 * health (table in the README); {@code down+} (the rbd-mirror daemon is not reporting) and a
 * {@code last_update} older than {@code stale-after} make it at least WARNING and freeze the
 * recovery point.
 *
 * <p>Recovery point, per image, remembered between polls: in journal mode it advances to the
 * reading's time ({@code last_update}) while {@code entries_behind_primary} is 0 or not growing
 * compared with the previous reading, and stays put while it grows, so the lag grows with it; past
 * the target RPO the item is CRITICAL (an RPO breach; the alert rules judge the same lag). In
 * snapshot mode it is {@code local_snapshot_timestamp} when the status has it (UNCONFIRMED key),
 * else the reading's time while {@code replay_state} is {@code idle}. Other states keep the last one.
 *
 * <p>Direction: from the peer site to this one, as this cluster holds the non-primary image; when
 * the status says {@code local image is primary} the other way round, and then only a
 * {@code peer_sites} entry can tell the replica's state (else UNKNOWN).
 */
final class CephMirrorMapper {

    static final String TECHNOLOGY = "rbd-mirror";
    private static final DateTimeFormatter LAST_UPDATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    /** The previous reading of an image: its backlog (journal mode) and recovery point. */
    private record Reading(Long entriesBehind, Instant recoveryPoint) {
    }

    private final CephMirrorSettings settings;
    private final ReportingEndpoint endpoint;
    private final Map<String, Reading> previous = new HashMap<>();

    CephMirrorMapper(CephMirrorSettings settings, ReportingEndpoint endpoint) {
        this.settings = settings;
        this.endpoint = endpoint;
    }

    ReplicationStatus map(String imageSpec, String peerSite, CephMirrorStatus status, Instant now) {
        CephMirrorStatus.Entry local = status.local();
        boolean localPrimary = local.describesPrimary();
        CephMirrorStatus.Entry replica = localPrimary ? status.peers().stream().findFirst().orElse(null) : local;
        Reading before = previous.get(imageSpec);
        List<Verdict> parts = new ArrayList<>();
        Instant recoveryPoint = before == null ? null : before.recoveryPoint();
        Long entriesBehind = before == null ? null : before.entriesBehind();
        String vendorState;
        if (replica == null) {
            parts.add(Verdict.of(ReplicationState.UNKNOWN, ReplicationHealth.UNKNOWN, "local image is primary and the status "
                    + "lists no peer: read the status on the cluster holding the non-primary image"));
            vendorState = local.state();
        } else {
            parts.add(word(replica));
            Instant updated = lastUpdate(replica.lastUpdate());
            boolean down = Boolean.FALSE.equals(replica.up());
            boolean stale = updated != null && Duration.between(updated, now).compareTo(settings.staleAfter()) > 0;
            if (down) {
                parts.add(Verdict.of(null, WARNING, "the rbd-mirror daemon is not reporting (" + replica.state() + ")"));
            }
            if (stale) {
                parts.add(Verdict.of(null, WARNING, "status last updated " + replica.lastUpdate() + " " + settings.timeZone()
                        + ", older than stale-after " + settings.staleAfter().toSeconds() + " s"));
            }
            if ("replaying".equals(replica.word()) && !down && !stale) {
                Instant readingTime = updated == null || updated.isAfter(now) ? now : updated;
                JsonNode stats = replica.stats();
                Long behind = stats == null ? null : whole(stats.get("entries_behind_primary"));
                if (behind != null) {
                    boolean growing = behind > 0 && entriesBehind != null && behind > entriesBehind;
                    if (growing) {
                        parts.add(Verdict.of(null, WARNING, "entries_behind_primary grew from " + entriesBehind + " to " + behind));
                    } else {
                        recoveryPoint = readingTime;
                    }
                    entriesBehind = behind;
                } else {
                    recoveryPoint = snapshotRecoveryPoint(stats, readingTime, recoveryPoint);
                }
            }
            vendorState = (localPrimary ? "peer " + (replica.siteName() == null ? "?" : replica.siteName()) + " " : "")
                    + replica.state() + details(replica);
        }
        Long target = endpoint.targetRpoSeconds(settings.targetRpo());
        Long lag = recoveryPoint == null ? null : Math.max(0, Duration.between(recoveryPoint, now).getSeconds());
        if (target != null && lag != null && lag > target) {
            parts.add(Verdict.of(null, CRITICAL, "RPO breach: recovery point " + recoveryPoint + " is " + lag
                    + " s old, target RPO " + target + " s"));
        }
        previous.put(imageSpec, new Reading(entriesBehind, recoveryPoint));
        Verdict verdict = Verdict.combine(parts);
        String error = verdict.health() == CRITICAL || verdict.state() == ReplicationState.FAILED
                || verdict.state() == ReplicationState.UNKNOWN ? verdict.problem() : null;
        return new ReplicationStatus(endpoint.site(), endpoint.platform(), "rbd:" + imageSpec, null, imageSpec,
                localPrimary ? endpoint.site() : peerSite, localPrimary ? peerSite : endpoint.site(), null, null, TECHNOLOGY,
                verdict.state(), verdict.health(), vendorState, target, recoveryPoint, lag, null, null, error, false);
    }

    /** Forgets the images no longer configured or read. */
    void retain(Set<String> imageSpecs) {
        previous.keySet().retainAll(imageSpecs);
    }

    /** The 7 states of {@code MIRROR_IMAGE_STATUS_STATE_*}. */
    static Verdict word(CephMirrorStatus.Entry e) {
        String said = e.descriptionWords() == null || e.descriptionWords().isBlank() ? "" : " (" + e.descriptionWords() + ")";
        return switch (e.word()) {
            case "replaying" -> Verdict.of(ReplicationState.REPLICATING, OK, null);
            case "syncing" -> Verdict.of(ReplicationState.SYNCING, WARNING, "image sync running, no consistent copy yet" + said);
            case "starting_replay" -> Verdict.of(ReplicationState.SYNCING, OK, null);
            case "stopping_replay" -> Verdict.of(ReplicationState.PAUSED, WARNING, "replay is stopping" + said);
            case "stopped" -> Verdict.of(ReplicationState.PAUSED, WARNING, "replay stopped" + said);
            case "error" -> Verdict.of(ReplicationState.FAILED, CRITICAL, "mirroring error" + said);
            case "unknown" -> Verdict.of(ReplicationState.UNKNOWN, ReplicationHealth.UNKNOWN, "state unknown" + said);
            default -> Verdict.unknownWord("mirror state", e.word());
        };
    }

    private static Instant snapshotRecoveryPoint(JsonNode stats, Instant readingTime, Instant remembered) {
        if (stats == null) {
            return readingTime;
        }
        Long synced = whole(stats.get("local_snapshot_timestamp"));
        if (synced != null && synced > 0) {
            return Instant.ofEpochSecond(synced);
        }
        JsonNode replay = stats.get("replay_state");
        return replay == null || "idle".equals(replay.asText()) ? readingTime : remembered;
    }

    private Instant lastUpdate(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(text.strip().replace('T', ' '), LAST_UPDATE).atZone(settings.zone()).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String details(CephMirrorStatus.Entry e) {
        JsonNode stats = e.stats();
        if (stats == null) {
            String words = e.descriptionWords();
            return words == null || words.isBlank() ? "" : ", " + (words.length() > 160 ? words.substring(0, 160) + "..." : words);
        }
        StringBuilder s = new StringBuilder();
        for (String key : new String[] {"entries_behind_primary", "seconds_until_synced", "replay_state", "syncing_percent",
                "last_snapshot_sync_seconds"}) {
            JsonNode v = stats.get(key);
            if (v != null && !v.isNull() && !v.isContainerNode()) {
                s.append(' ').append(key).append('=').append(v.asText());
            }
        }
        return s.toString();
    }

    private static Long whole(JsonNode n) {
        if (n == null || n.isNull()) {
            return null;
        }
        if (n.isNumber()) {
            return n.longValue();
        }
        try {
            return Long.parseLong(n.asText().trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
