package org.sitewatch.collectors.storage;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.sitewatch.collectors.spi.settings.InvalidSettingException;
import org.sitewatch.collectors.spi.settings.Redactor;
import org.sitewatch.collectors.spi.settings.Required;

/**
 * Ceph RBD mirroring status of chosen images, e.g. nested as {@code libvirt.ceph}:
 * <pre>
 * ceph:
 *   images: {rbd/vm-100-disk-0: oslo-dc2}   # pool/image (or pool/namespace/image) -> the peer cluster's site
 *   time-zone: Europe/Oslo                   # the cluster hosts' zone, for last_update; UTC by default
 *   target-rpo: 5m
 *   command: {ssh: {host: ceph-mon1, ...}}   # the default runs rbd mirror image status --format json here
 * </pre>
 * The image spec is appended to the command as its last argument, one run per image.
 *
 * @param command how to run the status command ({@link #DEFAULT_COMMAND} unless given; add
 *     {@code --cluster}/{@code --id} options there)
 * @param images each image to watch and the site of its peer cluster
 * @param timeZone the time zone of {@code last_update} (the cluster hosts' local time), a region id
 *     such as {@code Europe/Paris}; {@code UTC} by default
 * @param staleAfter a status whose {@code last_update} is older than this is stale (health
 *     WARNING, recovery point not advanced); 5 min by default
 * @param targetRpo the RPO the images are held to; null for the endpoint's {@code target-rpo}
 */
public record CephMirrorSettings(CommandSettings command,
                                 @Required(example = "{rbd/vm-100-disk-0: oslo-dc2}") Map<String, String> images,
                                 String timeZone,
                                 Duration staleAfter,
                                 Duration targetRpo) {

    public static final List<String> DEFAULT_COMMAND = List.of("rbd", "mirror", "image", "status", "--format", "json");
    public static final Duration DEFAULT_STALE_AFTER = Duration.ofMinutes(5);
    /** pool/image or pool/namespace/image; Ceph names, and not an option (no leading dash). */
    private static final Pattern IMAGE_SPEC = Pattern.compile("[A-Za-z0-9_.][A-Za-z0-9_.-]*(/[A-Za-z0-9_.][A-Za-z0-9_.-]*){1,2}");

    public CephMirrorSettings {
        command = command == null ? CommandSettings.local(DEFAULT_COMMAND) : command.orDefault(DEFAULT_COMMAND);
        images = SiteMaps.check(images, "images", "pool/image");
        for (String spec : images.keySet()) {
            if (!IMAGE_SPEC.matcher(spec).matches()) {
                throw new InvalidSettingException("images." + spec, "must be pool/image or pool/namespace/image");
            }
        }
        timeZone = timeZone == null ? "UTC" : timeZone.strip();
        try {
            ZoneId.of(timeZone);
        } catch (DateTimeException e) {
            throw new InvalidSettingException("time-zone", "unknown time zone '" + timeZone
                    + "' (give a region id such as Europe/Paris, or UTC)");
        }
        staleAfter = staleAfter == null ? DEFAULT_STALE_AFTER : staleAfter;
        if (staleAfter.isNegative() || staleAfter.isZero()) {
            throw new InvalidSettingException("stale-after", "must be positive but was " + staleAfter);
        }
        if (targetRpo != null && (targetRpo.isNegative() || targetRpo.isZero())) {
            throw new InvalidSettingException("target-rpo", "must be positive but was " + targetRpo);
        }
    }

    ZoneId zone() {
        return ZoneId.of(timeZone);
    }

    /** Safe to log: secrets show only their origin, URLs lose user info and secret parameters. */
    @Override
    public String toString() {
        return Redactor.describe(this);
    }
}
