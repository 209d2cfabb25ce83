package org.sitewatch.collectors.libvirt;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.sitewatch.collectors.spi.settings.InvalidSettingException;
import org.sitewatch.collectors.spi.settings.Redactor;
import org.sitewatch.collectors.spi.settings.Required;
import org.sitewatch.collectors.storage.CephMirrorSettings;
import org.sitewatch.collectors.storage.DrbdSettings;

/**
 * An endpoint's libvirt block, {@code sitewatch.collectors.endpoints[n].libvirt.*}: the KVM hosts of
 * one site, each reached through its own libvirt connection. Hosts that stand in another site are
 * named in the endpoint's {@code node-sites}, as for every vendor.
 *
 * @param hosts the hosts, each a {@code name} (what events and views call it) and a libvirt
 *     {@code uri}; at least one, names unique
 * @param keepaliveInterval how often libvirt's keepalive probes a remote connection (default 5 s,
 *     whole seconds); local and {@code test:///} connections have no keepalive
 * @param keepaliveCount unanswered probes after which libvirt closes the connection (default 5)
 * @param reconnectBackoffMin the wait before the first reconnection attempt (default 1 s)
 * @param reconnectBackoffMax the longest wait between attempts; the wait doubles up to it (default 60 s)
 * @param restartWindow how soon after a crash on one host a start of the same domain on another host
 *     counts as an HA restart (default 10 min)
 * @param drbd optional: DRBD replication status of these hosts ({@code drbdsetup status --json}, locally or
 *     over SSH), read every {@code poll-interval}; null when not configured
 * @param ceph optional: Ceph RBD mirroring status of chosen images ({@code rbd mirror image status}), read
 *     every {@code poll-interval}; null when not configured
 */
public record LibvirtSettings(
        @Required(example = "[{name: kvm1, uri: qemu+ssh://monitor@kvm1/system?keyfile=/etc/sitewatch/id_ed25519}]")
        List<LibvirtHost> hosts,
        Duration keepaliveInterval,
        Integer keepaliveCount,
        Duration reconnectBackoffMin,
        Duration reconnectBackoffMax,
        Duration restartWindow,
        DrbdSettings drbd,
        CephMirrorSettings ceph) {

    static final Duration DEFAULT_KEEPALIVE_INTERVAL = Duration.ofSeconds(5);
    static final int DEFAULT_KEEPALIVE_COUNT = 5;
    static final Duration DEFAULT_BACKOFF_MIN = Duration.ofSeconds(1);
    static final Duration DEFAULT_BACKOFF_MAX = Duration.ofSeconds(60);
    static final Duration DEFAULT_RESTART_WINDOW = Duration.ofMinutes(10);

    public LibvirtSettings {
        if (hosts.isEmpty()) {
            throw new InvalidSettingException("hosts", "must name at least one host");
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < hosts.size(); i++) {
            LibvirtHost host = hosts.get(i);
            if (host != null && !names.add(host.name())) {
                throw new InvalidSettingException("hosts[" + i + "].name", "host name '" + host.name()
                        + "' is given twice; each host needs its own name");
            }
        }
        hosts = List.copyOf(hosts);
        keepaliveInterval = keepaliveInterval == null ? DEFAULT_KEEPALIVE_INTERVAL : keepaliveInterval;
        if (keepaliveInterval.toMillis() < 1000 || keepaliveInterval.toMillis() % 1000 != 0) {
            throw new InvalidSettingException("keepalive-interval", "must be whole seconds, at least 1s, but was "
                    + keepaliveInterval.toString().substring(2).toLowerCase());
        }
        keepaliveCount = keepaliveCount == null ? DEFAULT_KEEPALIVE_COUNT : keepaliveCount;
        if (keepaliveCount < 1) {
            throw new InvalidSettingException("keepalive-count", "must be at least 1 but was " + keepaliveCount);
        }
        reconnectBackoffMin = reconnectBackoffMin == null ? DEFAULT_BACKOFF_MIN : reconnectBackoffMin;
        reconnectBackoffMax = reconnectBackoffMax == null ? DEFAULT_BACKOFF_MAX : reconnectBackoffMax;
        if (reconnectBackoffMin.isZero() || reconnectBackoffMin.isNegative()) {
            throw new InvalidSettingException("reconnect-backoff-min", "must be positive but was " + reconnectBackoffMin);
        }
        if (reconnectBackoffMax.compareTo(reconnectBackoffMin) < 0) {
            throw new InvalidSettingException("reconnect-backoff-max", "must not be shorter than reconnect-backoff-min ("
                    + reconnectBackoffMin + ") but was " + reconnectBackoffMax);
        }
        restartWindow = restartWindow == null ? DEFAULT_RESTART_WINDOW : restartWindow;
        if (restartWindow.isZero() || restartWindow.isNegative()) {
            throw new InvalidSettingException("restart-window", "must be positive but was " + restartWindow);
        }
    }

    /** The wait before reconnection attempt {@code failures} (1 for the first): doubling from the minimum, capped. */
    Duration backoff(int failures) {
        Duration wait = reconnectBackoffMin;
        for (int i = 1; i < failures && wait.compareTo(reconnectBackoffMax) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(reconnectBackoffMax) > 0 ? reconnectBackoffMax : wait;
    }

    /** Safe to log: secrets show only their origin, URLs lose user info and secret parameters. */
    @Override
    public String toString() {
        return Redactor.describe(this);
    }
}
