package org.sitewatch.simulator.vsphere;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One login's objects: its container views, property filters, event collectors and the version
 * counter of its PropertyCollector. They end with the session (a logout, or 30 minutes unused), as
 * in vCenter; ids carry the session key so one session cannot use another's. Guarded by its
 * {@link Vcenter}.
 */
final class Session {

    final String key;
    final String userName;
    final Instant loginTime;
    final Map<MoRef, List<String>> views = new LinkedHashMap<>();
    final Map<MoRef, PropertyFilter> filters = new LinkedHashMap<>();
    final Map<MoRef, EventCollector> collectors = new LinkedHashMap<>();
    /** How many of its latest versions a session can still compute changes from. */
    static final int VERSIONS_KEPT = 8;
    /** The version the last WaitForUpdatesEx answered; 0 before any. */
    long version;
    /** When a call last used the session: it ends after {@link Vcenter#SESSION_IDLE_TIMEOUT} without one. */
    Instant lastActive;
    private int nextId;

    Session(String key, String userName, Instant loginTime) {
        this.key = key;
        this.userName = userName;
        this.loginTime = loginTime;
        this.lastActive = loginTime;
    }

    /** A new id of this session, e.g. {@code session[5f2c...]filter-3}. */
    MoRef newRef(String type, String kind) {
        return new MoRef(type, "session[" + key + "]" + kind + "-" + (++nextId));
    }
}
