package org.sitewatch.simulator.vsphere;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.sitewatch.simulator.ClusterSpec;
import org.sitewatch.simulator.engine.ClusterState;

/**
 * One simulated vCenter: what a real one keeps between calls and the engine does not model (the
 * sessions with their views, filters and event collectors, the event history, who is HA master).
 * Every call first looks at the engine's state ({@link #observe}), so the event history and HA
 * states follow the engine whichever call comes. Calls run under the engine's lock and this
 * object's monitor.
 */
final class Vcenter {

    /** vCenter's default: a session nobody used for this long ends (its views, filters and collectors with it). */
    static final Duration SESSION_IDLE_TIMEOUT = Duration.ofMinutes(30);

    final ClusterSpec spec;
    final VcenterSettings settings;
    final String instanceUuid;
    final EventLog events = new EventLog();
    final EventWriter eventWriter;
    private final FdmStates fdm = new FdmStates();
    private final EventDeriver deriver = new EventDeriver();
    private final Map<String, Session> sessions = new HashMap<>();

    Vcenter(ClusterSpec spec) {
        this.spec = spec;
        this.settings = VcenterSettings.of(spec);
        this.instanceUuid = instanceUuidOf(spec);
        this.eventWriter = new EventWriter(settings.datacenter(), spec.clusterName());
    }

    /** The vCenter's instance UUID, stable per cluster name: a restarted simulator is the same vCenter to a collector. */
    static String instanceUuidOf(ClusterSpec spec) {
        return UUID.nameUUIDFromBytes(("sitewatch-vcenter:" + spec.name()).getBytes()).toString();
    }

    /** Brings HA states and the event history up to the engine's state now; returns the inventory. */
    synchronized VimInventory observe(ClusterState state, Instant now) {
        fdm.observe(state, now);
        VimInventory inventory = VimInventory.of(state, now, settings, fdm);
        deriver.observe(state, now, inventory, settings, fdm).forEach(events::add);
        return inventory;
    }

    synchronized Session login(String user, String password, Instant now) {
        expireIdle(now);
        if (!settings.username().equals(user) || !settings.password().equals(password)) {
            throw SoapFault.invalidLogin();
        }
        Session session = new Session(UUID.randomUUID().toString(), user, now);
        sessions.put(session.key, session);
        return session;
    }

    synchronized void logout(Session session) {
        sessions.remove(session.key);
    }

    /**
     * The live session of a cookie, now marked as used.
     *
     * @throws SoapFault NotAuthenticated when the cookie names no session, or one that ended or sat idle too long
     */
    synchronized Session session(String key, Instant now) {
        expireIdle(now);
        Session s = key == null ? null : sessions.get(key);
        if (s == null) {
            throw SoapFault.notAuthenticated();
        }
        s.lastActive = now;
        return s;
    }

    private void expireIdle(Instant now) {
        sessions.values().removeIf(s -> !now.isBefore(s.lastActive.plus(SESSION_IDLE_TIMEOUT)));
    }

    /** Adds an event (PostEvent, or one the engine caused); returns it with its key. */
    synchronized VcEvent post(VcEvent event) {
        return events.add(event);
    }

    synchronized List<VcEvent> readNext(EventCollector collector, int max) {
        return collector.readNext(events, max);
    }

    synchronized List<VcEvent> readPrevious(EventCollector collector, int max) {
        return collector.readPrevious(events, max);
    }

    synchronized VcEvent latestEvent() {
        return events.latest();
    }
}
