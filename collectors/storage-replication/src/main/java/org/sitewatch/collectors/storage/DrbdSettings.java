package org.sitewatch.collectors.storage;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.sitewatch.collectors.spi.settings.InvalidSettingException;
import org.sitewatch.collectors.spi.settings.Redactor;
import org.sitewatch.collectors.spi.settings.Required;

/**
 * DRBD replication status, e.g. nested as {@code libvirt.drbd}:
 * <pre>
 * drbd:
 *   peers: {kvm-b1: oslo-dc2}        # DRBD peer host name (the connection's name) -> its site
 *   node-name: kvm-a1                # optional: this host's name, for sourceHost/targetHost
 *   command:                         # optional: the default runs drbdsetup status --json here
 *     ssh: {host: kvm-a1, username: sitewatch, private-key-file: ..., known-hosts: ...}
 * </pre>
 *
 * @param command how to run {@code drbdsetup status --json} ({@link #DEFAULT_COMMAND} unless given)
 * @param peers each DRBD peer's site; a peer not listed is reported as a skipped record, never guessed
 * @param nodeName this host's DRBD node name; null leaves the local host out of the records
 * @param targetRpo the RPO the resources are held to; null for the endpoint's {@code target-rpo}
 */
public record DrbdSettings(CommandSettings command,
                           @Required(example = "{kvm-b1: oslo-dc2}") Map<String, String> peers,
                           String nodeName,
                           Duration targetRpo) {

    public static final List<String> DEFAULT_COMMAND = List.of("drbdsetup", "status", "--json");

    public DrbdSettings {
        command = command == null ? CommandSettings.local(DEFAULT_COMMAND) : command.orDefault(DEFAULT_COMMAND);
        peers = SiteMaps.check(peers, "peers", "a DRBD peer's host name");
        if (targetRpo != null && (targetRpo.isNegative() || targetRpo.isZero())) {
            throw new InvalidSettingException("target-rpo", "must be positive but was " + targetRpo);
        }
    }

    /** Safe to log: secrets show only their origin, URLs lose user info and secret parameters. */
    @Override
    public String toString() {
        return Redactor.describe(this);
    }
}
