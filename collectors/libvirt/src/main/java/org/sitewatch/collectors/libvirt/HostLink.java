package org.sitewatch.collectors.libvirt;

import java.util.List;
import java.util.concurrent.ScheduledFuture;
import org.libvirt.Connect;
import org.libvirt.event.LifecycleListener;

/**
 * One host's connection as the subscription tracks it: the open {@link Connect} (null while the
 * host is unreachable), why it is not open, how many attempts failed in a row and the pending retry.
 * Mutable; touched by the subscription's own thread only.
 */
final class HostLink {

    final LibvirtHost host;
    Connect connect;
    /** The lifecycle listener registered on {@link #connect}, to deregister it before closing. */
    LifecycleListener lifecycle;
    String downReason;
    int failures;
    ScheduledFuture<?> retry;
    /** Domains the last listing of this host could not read, one reason each. */
    List<String> skipped = List.of();

    HostLink(LibvirtHost host) {
        this.host = host;
        this.downReason = "not connected yet";
    }

    String name() {
        return host.name();
    }

    boolean up() {
        return connect != null;
    }
}
