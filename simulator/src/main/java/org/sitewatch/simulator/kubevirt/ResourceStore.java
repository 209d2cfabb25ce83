package org.sitewatch.simulator.kubevirt;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The API server's storage of one cluster: the objects last rendered from the engine, one resource
 * version counter for all of them, and the recent changes watches replay. A refresh offers every
 * object as it is now ({@link #put}); an object whose content differs from what is stored gets the
 * next resource version and a MODIFIED change (ADDED when new; DELETED then ADDED when its uid
 * changed), and objects not offered in a refresh are deleted. Only {@code watchHistory} changes are
 * kept: a watch from an older version is told {@code 410 Expired}. Not thread-safe: used under the
 * engine's lock.
 */
final class ResourceStore {

    /** One change as a watch reports it; {@code object} carries its resource version. */
    record Change(long resourceVersion, String type, String resource, String namespace, ObjectNode object) {
    }

    /** A stored object: its resource, namespace, uid, content without the version, and the object as served. */
    private record Stored(String resource, String namespace, String uid, String content, ObjectNode served) {
    }

    private final int watchHistory;
    private final Map<String, Stored> objects = new LinkedHashMap<>();
    private final Deque<Change> history = new ArrayDeque<>();
    private final Set<String> offered = new HashSet<>();
    private long resourceVersion;
    /** The newest version whose change has been dropped from the history (0: none dropped). */
    private long forgottenThrough;

    ResourceStore(int watchHistory) {
        this.watchHistory = watchHistory;
    }

    long resourceVersion() {
        return resourceVersion;
    }

    void beginRefresh() {
        offered.clear();
    }

    /** Offers {@code object} (with {@code metadata.name}, {@code namespace} when namespaced, {@code uid}) as it is now. */
    void put(String resource, ObjectNode object) {
        ObjectNode metadata = (ObjectNode) object.get("metadata");
        metadata.remove("resourceVersion");
        String namespace = metadata.path("namespace").asText("");
        String key = key(resource, namespace, metadata.path("name").asText());
        String uid = metadata.path("uid").asText();
        String content = object.toString();
        offered.add(key);
        Stored old = objects.get(key);
        if (old != null && old.content().equals(content)) {
            return;
        }
        if (old != null && !old.uid().equals(uid)) {
            remove(key);
            old = null;
        }
        ObjectNode served = object.deepCopy();
        ((ObjectNode) served.get("metadata")).put("resourceVersion", Long.toString(++resourceVersion));
        objects.put(key, new Stored(resource, namespace, uid, content, served));
        record(new Change(resourceVersion, old == null ? "ADDED" : "MODIFIED", resource, namespace, served));
    }

    /** Deletes one object now, if it is stored. */
    void delete(String resource, String namespace, String name) {
        String key = key(resource, namespace, name);
        offered.remove(key);
        if (objects.containsKey(key)) {
            remove(key);
        }
    }

    /** Deletes every object not offered since {@link #beginRefresh()}. */
    void endRefresh() {
        for (String key : new ArrayList<>(objects.keySet())) {
            if (!offered.contains(key)) {
                remove(key);
            }
        }
    }

    private void remove(String key) {
        Stored gone = objects.remove(key);
        ObjectNode served = gone.served().deepCopy();
        ((ObjectNode) served.get("metadata")).put("resourceVersion", Long.toString(++resourceVersion));
        record(new Change(resourceVersion, "DELETED", gone.resource(), gone.namespace(), served));
    }

    private void record(Change change) {
        history.addLast(change);
        while (history.size() > watchHistory) {
            forgottenThrough = history.removeFirst().resourceVersion();
        }
    }

    /** The objects of {@code resource}, in {@code namespace} or every namespace when it is null. */
    List<ObjectNode> list(String resource, String namespace) {
        List<ObjectNode> out = new ArrayList<>();
        objects.values().stream().filter(s -> matches(s.resource(), s.namespace(), resource, namespace))
                .forEach(s -> out.add(s.served()));
        return out;
    }

    /** Whether a watch may resume after {@code version}: no change after it has been forgotten. */
    boolean canResumeAfter(long version) {
        return version >= forgottenThrough;
    }

    /** The oldest version a watch may resume from. */
    long oldestResumable() {
        return forgottenThrough;
    }

    /** The changes of {@code resource} (in {@code namespace}, or all when null) after {@code version}, oldest first. */
    List<Change> changesAfter(long version, String resource, String namespace) {
        List<Change> out = new ArrayList<>();
        for (Change c : history) {
            if (c.resourceVersion() > version && matches(c.resource(), c.namespace(), resource, namespace)) {
                out.add(c);
            }
        }
        return out;
    }

    private static boolean matches(String resource, String ns, String wantedResource, String wantedNamespace) {
        return resource.equals(wantedResource) && (wantedNamespace == null || wantedNamespace.equals(ns));
    }

    private static String key(String resource, String namespace, String name) {
        return resource + "/" + namespace + "/" + name;
    }
}
