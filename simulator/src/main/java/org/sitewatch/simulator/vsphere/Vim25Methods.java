package org.sitewatch.simulator.vsphere;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLStreamException;
import org.sitewatch.simulator.engine.ClusterState;

/**
 * The vim25 methods the simulated vCenter answers, each from the engine's state now and the
 * session's objects: RetrieveServiceContent, CurrentTime, Login, Logout, CreateContainerView,
 * DestroyView, CreateFilter, DestroyPropertyFilter, WaitForUpdatesEx, RetrievePropertiesEx,
 * CreateCollectorForEvents, ReadNextEvents, ReadPreviousEvents, DestroyCollector and PostEvent.
 * Any other method is a {@code NotImplemented} fault; a call without a live session a
 * {@code NotAuthenticated} fault.
 *
 * <p>Limits: property paths are the ones {@link VimInventory} serves (no sub-paths of them, no
 * whole {@code runtime} object); a filter spec's first objectSet is used and its traversal is
 * assumed to be the usual container view one; {@code WaitForUpdatesEx} keeps the last
 * {@link Session#VERSIONS_KEPT} versions (an older or unknown one is an
 * {@code InvalidCollectorVersion} fault); no tasks, so no power
 * operations.
 */
final class Vim25Methods {

    static final String API_VERSION = "8.0.3.0";
    private static final int MAX_EVENTS = 1000;

    /** A 200 answer, and the session cookie value to set (after Login), else null. */
    record Answer(byte[] body, String sessionKey) {
        static Answer of(byte[] body) {
            return new Answer(body, null);
        }
    }

    private Vim25Methods() {
    }

    /**
     * Answers one call; null for a {@code WaitForUpdatesEx} that found nothing new yet (the caller
     * may wait and ask again).
     *
     * @param unreadable the objects whose properties the property collector reports as missing now
     *
     * @throws SoapFault the fault to answer with
     */
    static Answer call(Vcenter vc, SoapCall call, String sessionKey, ClusterState state, Instant now,
            UnreadableObjects unreadable) {
        VimInventory inventory = vc.observe(state, now);
        SoapCall.Node args = call.args();
        switch (call.method()) {
            case "RetrieveServiceContent":
                return Answer.of(serviceContent(vc));
            case "CurrentTime":
                return Answer.of(SoapWriter.response(call.method(), out -> out.text("returnval", now)));
            case "Login":
                return login(vc, call, now);
            default:
                break;
        }
        Session session = vc.session(sessionKey, now);
        synchronized (vc) {
            switch (call.method()) {
                case "Logout":
                    vc.logout(session);
                    return Answer.of(SoapWriter.response(call.method(), out -> { }));
                case "CreateContainerView":
                    return createView(call, session);
                case "DestroyView":
                    requireFound(session.views.remove(call.target()) != null, call.target());
                    return Answer.of(SoapWriter.response(call.method(), out -> { }));
                case "CreateFilter":
                    return createFilter(call, session);
                case "DestroyPropertyFilter":
                    requireFound(session.filters.remove(call.target()) != null, call.target());
                    return Answer.of(SoapWriter.response(call.method(), out -> { }));
                case "WaitForUpdatesEx":
                    return waitForUpdates(call, session, inventory, unreadable);
                case "RetrievePropertiesEx":
                    return retrieveProperties(vc, call, session, inventory, unreadable);
                case "CreateCollectorForEvents":
                    return createCollector(call, session);
                case "ReadNextEvents":
                case "ReadPreviousEvents":
                    return readEvents(vc, call, session);
                case "DestroyCollector":
                    requireFound(session.collectors.remove(call.target()) != null, call.target());
                    return Answer.of(SoapWriter.response(call.method(), out -> { }));
                case "PostEvent":
                    return postEvent(vc, args, now);
                default:
                    throw SoapFault.notImplemented(call.method());
            }
        }
    }

    private static byte[] serviceContent(Vcenter vc) {
        VcenterSettings s = vc.settings;
        return SoapWriter.response("RetrieveServiceContent", out -> {
            out.start("returnval")
                    .ref("rootFolder", VimIds.ROOT_FOLDER)
                    .ref("propertyCollector", VimIds.PROPERTY_COLLECTOR)
                    .ref("viewManager", VimIds.VIEW_MANAGER)
                    .start("about")
                    .text("name", "VMware vCenter Server")
                    .text("fullName", "VMware vCenter Server 8.0.3 build-24322831" + (s.cloud() == null ? ""
                            : " (VMware Cloud on AWS, " + (s.region() == null ? "" : s.region()) + ")"))
                    .text("vendor", "VMware, Inc.")
                    .text("version", "8.0.3")
                    .text("build", "24322831")
                    .text("localeVersion", "INTL")
                    .text("localeBuild", "000")
                    .text("osType", "linux-x64")
                    .text("productLineId", "vpx")
                    .text("apiType", "VirtualCenter")
                    .text("apiVersion", API_VERSION)
                    .text("instanceUuid", vc.instanceUuid)
                    .text("licenseProductName", "VMware VirtualCenter Server")
                    .text("licenseProductVersion", "8.0")
                    .end()
                    .ref("sessionManager", VimIds.SESSION_MANAGER)
                    .ref("eventManager", VimIds.EVENT_MANAGER)
                    .ref("taskManager", VimIds.TASK_MANAGER)
                    .end();
        });
    }

    private static Answer login(Vcenter vc, SoapCall call, Instant now) {
        Session session = vc.login(call.args().text("userName"), call.args().text("password"), now);
        byte[] body = SoapWriter.response(call.method(), out -> out.start("returnval")
                .text("key", session.key)
                .text("userName", session.userName)
                .text("fullName", session.userName)
                .text("loginTime", now)
                .text("lastActiveTime", now)
                .text("locale", "en")
                .text("messageLocale", "en")
                .text("extensionSession", false)
                .text("ipAddress", "127.0.0.1")
                .text("userAgent", "sitewatch")
                .text("callCount", 0)
                .end());
        return new Answer(body, session.key);
    }

    private static Answer createView(SoapCall call, Session session) {
        List<String> types = call.args().texts("type");
        MoRef view = session.newRef("ContainerView", "view");
        session.views.put(view, types.isEmpty() ? List.of(VimIds.VM, VimIds.HOST, VimIds.CLUSTER, VimIds.DATACENTER)
                : types);
        return Answer.of(SoapWriter.response(call.method(), out -> out.ref("returnval", view)));
    }

    private static Answer createFilter(SoapCall call, Session session) {
        MoRef ref = session.newRef("PropertyFilter", "filter");
        PropertyFilter filter = filter(ref, call.args().child("spec"), session);
        session.filters.put(ref, filter);
        return Answer.of(SoapWriter.response(call.method(), out -> out.ref("returnval", ref)));
    }

    /** A PropertyFilterSpec: its propSets and its first objectSet. */
    private static PropertyFilter filter(MoRef ref, SoapCall.Node spec, Session session) {
        if (spec == null || spec.child("objectSet") == null || spec.child("propSet") == null) {
            throw SoapFault.invalidArgument("spec needs a propSet and an objectSet");
        }
        Map<String, List<String>> paths = new LinkedHashMap<>();
        for (SoapCall.Node p : spec.all("propSet")) {
            boolean all = "true".equals(p.text("all"));
            paths.put(p.text("type"), all ? List.of() : p.texts("pathSet"));
        }
        MoRef obj = toMoRef(spec.child("objectSet").child("obj"));
        if (obj == null) {
            throw SoapFault.invalidArgument("objectSet.obj");
        }
        List<String> viewTypes = null;
        if (obj.type().equals("ContainerView")) {
            viewTypes = session.views.get(obj);
            requireFound(viewTypes != null, obj);
        }
        return new PropertyFilter(ref, paths, obj, viewTypes);
    }

    private static Answer waitForUpdates(SoapCall call, Session session, VimInventory inventory,
            UnreadableObjects unreadable) {
        String version = call.args().text("version");
        if (session.filters.isEmpty() && version != null && !version.isEmpty()) {
            // Nothing to report whatever the version: a client whose session was renewed under it learns
            // nothing changed and then makes its filter again (as with vcsim), instead of failing the call.
            return null;
        }
        long base = baseVersion(version, session);
        Map<MoRef, Map<MoRef, PropertyFilter.ObjectReading>> now = new LinkedHashMap<>();
        Map<MoRef, List<PropertyFilter.ObjectUpdate>> updates = new LinkedHashMap<>();
        session.filters.forEach((ref, filter) -> {
            Map<MoRef, PropertyFilter.ObjectReading> state = filter.select(inventory, unreadable);
            now.put(ref, state);
            List<PropertyFilter.ObjectUpdate> changes = filter.changesSince(base, state);
            if (!changes.isEmpty()) {
                updates.put(ref, changes);
            }
        });
        if (updates.isEmpty() && base != 0) {
            return null;
        }
        long next = ++session.version;
        now.forEach((ref, state) -> session.filters.get(ref).reported(next, state, next - Session.VERSIONS_KEPT + 1));
        return Answer.of(SoapWriter.response(call.method(), out -> {
            out.start("returnval").text("version", next);
            for (Map.Entry<MoRef, List<PropertyFilter.ObjectUpdate>> e : updates.entrySet()) {
                out.start("filterSet").ref("filter", e.getKey());
                for (PropertyFilter.ObjectUpdate u : e.getValue()) {
                    out.start("objectSet").text("kind", u.kind()).ref("obj", u.obj());
                    for (PropertyFilter.Change c : u.changes()) {
                        out.start("changeSet").text("name", c.name()).text("op", c.op());
                        if (c.value() != null) {
                            out.property("val", c.value());
                        }
                        out.end();
                    }
                    missingSet(out, u.missing());
                    out.end();
                }
                out.end();
            }
            out.text("truncated", false).end();
        }));
    }

    /** 0 for "" (the client knows nothing); else a version this session gave and still keeps. */
    private static long baseVersion(String version, Session session) {
        if (version == null || version.isEmpty()) {
            return 0;
        }
        long v;
        try {
            v = Long.parseLong(version);
        } catch (NumberFormatException e) {
            v = -1;
        }
        if (v < 1 || v > session.version || v <= session.version - Session.VERSIONS_KEPT) {
            throw new SoapFault("InvalidCollectorVersion", "The collector version " + version
                    + " was not given by this session or is no longer kept (current " + session.version + ")");
        }
        return v;
    }

    /** The empty answer of a WaitForUpdatesEx that waited and saw nothing: no returnval. */
    static byte[] nothingChanged() {
        return SoapWriter.response("WaitForUpdatesEx", out -> { });
    }

    /** A {@code MissingProperty} per path: the path and its {@code LocalizedMethodFault}. */
    private static void missingSet(SoapWriter out, Map<String, WireValue> missing) throws XMLStreamException {
        for (Map.Entry<String, WireValue> m : missing.entrySet()) {
            out.start("missingSet").text("path", m.getKey()).field("fault", m.getValue()).end();
        }
    }

    private static Answer retrieveProperties(Vcenter vc, SoapCall call, Session session, VimInventory inventory,
            UnreadableObjects unreadable) {
        Map<MoRef, PropertyFilter.ObjectReading> objects = new LinkedHashMap<>();
        VcEvent latest = null;
        boolean latestAsked = false;
        for (SoapCall.Node spec : call.args().all("specSet")) {
            MoRef obj = spec.child("objectSet") == null ? null : toMoRef(spec.child("objectSet").child("obj"));
            if (VimIds.EVENT_MANAGER.equals(obj)) {
                latestAsked = spec.all("propSet").stream().anyMatch(p -> p.texts("pathSet").contains("latestEvent")
                        || "true".equals(p.text("all")));
                latest = vc.latestEvent();
                continue;
            }
            objects.putAll(filter(null, spec, session).select(inventory, unreadable));
        }
        boolean withLatest = latestAsked;
        VcEvent latestEvent = latest;
        if (objects.isEmpty() && !withLatest) {
            return Answer.of(SoapWriter.response(call.method(), out -> { }));
        }
        return Answer.of(SoapWriter.response(call.method(), out -> {
            out.start("returnval");
            if (withLatest) {
                out.start("objects").ref("obj", VimIds.EVENT_MANAGER);
                if (latestEvent != null) {
                    out.start("propSet").text("name", "latestEvent");
                    vc.eventWriter.write(out, "val", latestEvent);
                    out.end();
                }
                out.end();
            }
            for (Map.Entry<MoRef, PropertyFilter.ObjectReading> e : objects.entrySet()) {
                out.start("objects").ref("obj", e.getKey());
                for (Map.Entry<String, WireValue> p : e.getValue().values().entrySet()) {
                    out.start("propSet").text("name", p.getKey()).property("val", p.getValue()).end();
                }
                missingSet(out, e.getValue().missing());
                out.end();
            }
            out.end();
        }));
    }

    private static Answer createCollector(SoapCall call, Session session) {
        SoapCall.Node filter = call.args().child("filter");
        SoapCall.Node time = filter == null ? null : filter.child("time");
        EventCollector collector = new EventCollector(time == null ? null : instant(time.text("beginTime")),
                time == null ? null : instant(time.text("endTime")),
                filter == null ? List.of() : filter.texts("eventTypeId"), maxCount(filter));
        MoRef ref = session.newRef("EventHistoryCollector", "collector");
        session.collectors.put(ref, collector);
        return Answer.of(SoapWriter.response(call.method(), out -> out.ref("returnval", ref)));
    }

    /** The filter's {@code maxCount} (1..1000), or null when unset. */
    private static Integer maxCount(SoapCall.Node filter) {
        String text = filter == null ? null : filter.text("maxCount");
        if (text == null) {
            return null;
        }
        try {
            int n = Integer.parseInt(text);
            if (n >= 1 && n <= MAX_EVENTS) {
                return n;
            }
        } catch (NumberFormatException e) {
            // the fault below
        }
        throw SoapFault.invalidArgument("filter.maxCount must be 1.." + MAX_EVENTS + ": " + text);
    }

    private static Answer readEvents(Vcenter vc, SoapCall call, Session session) {
        EventCollector collector = session.collectors.get(call.target());
        requireFound(collector != null, call.target());
        int max;
        try {
            max = Integer.parseInt(call.args().text("maxCount"));
        } catch (RuntimeException e) {
            throw SoapFault.invalidArgument("maxCount");
        }
        if (max <= 0) {
            throw SoapFault.invalidArgument("maxCount");
        }
        List<VcEvent> page = call.method().equals("ReadNextEvents") ? vc.readNext(collector, Math.min(max, MAX_EVENTS))
                : vc.readPrevious(collector, Math.min(max, MAX_EVENTS));
        return Answer.of(SoapWriter.response(call.method(), out -> {
            for (VcEvent e : page) {
                vc.eventWriter.write(out, "returnval", e);
            }
        }));
    }

    private static Answer postEvent(Vcenter vc, SoapCall.Node args, Instant now) {
        SoapCall.Node e = args.child("eventToPost");
        if (e == null) {
            throw SoapFault.invalidArgument("eventToPost");
        }
        String type = e.xsiType() == null ? "GeneralUserEvent" : e.xsiType();
        VcEvent.Entity object = e.text("objectId") == null ? null
                : new VcEvent.Entity(e.text("objectName"), new MoRef(e.text("objectType") == null ? "ManagedEntity"
                        : e.text("objectType"), e.text("objectId")));
        vc.post(new VcEvent(0, type, e.text("eventTypeId"), now, e.text("severity"), e.text("fullFormattedMessage"),
                entity(e.child("host")), entity(e.child("vm")), null, object));
        return Answer.of(SoapWriter.response("PostEvent", out -> { }));
    }

    private static VcEvent.Entity entity(SoapCall.Node argument) {
        if (argument == null) {
            return null;
        }
        MoRef ref = argument.children().stream().map(Vim25Methods::toMoRef).filter(r -> r != null).findFirst()
                .orElse(null);
        return new VcEvent.Entity(argument.text("name"), ref);
    }

    private static MoRef toMoRef(SoapCall.Node node) {
        return node == null || node.refType() == null ? null : new MoRef(node.refType(), node.text().trim());
    }

    private static Instant instant(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw SoapFault.invalidArgument("not a dateTime: " + text);
        }
    }

    private static void requireFound(boolean found, MoRef ref) {
        if (!found) {
            throw SoapFault.notFound(ref);
        }
    }
}
