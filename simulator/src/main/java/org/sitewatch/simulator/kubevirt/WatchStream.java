package org.sitewatch.simulator.kubevirt;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.sitewatch.simulator.front.FrontExchange;

/**
 * One watch, streamed as Kubernetes does over HTTP: a chunked response of one JSON event per line.
 * It polls the engine every {@link #POLL_MILLIS} ms (each poll refreshes the cluster's objects) and
 * writes the changes of its resource after the version it has reached; it ends when the client goes,
 * {@code timeoutSeconds} pass, a scenario fault hits its path, or its version falls out of the kept
 * history (then after an ERROR event with a 410 {@code Expired} status).
 */
final class WatchStream {

    static final long POLL_MILLIS = 100;
    /** How often an idle watch that asked for bookmarks gets one, when the cluster's version moved on. */
    static final long BOOKMARK_MILLIS = 2_000;

    private final FrontExchange fx;
    private final ResourcePath target;
    private final KubeSettings settings;
    private final KubevirtFront front;
    private final boolean bookmarks;
    private final long deadline;
    private final String fromVersion;

    /** What one poll found: the events to write, whether the watch must end, and the cluster's version. */
    private record Poll(List<ObjectNode> events, boolean end, long clusterVersion) {
    }

    WatchStream(FrontExchange fx, ResourcePath target, Map<String, String> query, KubeSettings settings,
            KubevirtFront front) {
        this.fx = fx;
        this.target = target;
        this.settings = settings;
        this.front = front;
        this.bookmarks = "true".equals(query.get("allowWatchBookmarks"));
        String timeout = query.get("timeoutSeconds");
        this.deadline = timeout == null || timeout.isBlank() ? Long.MAX_VALUE
                : System.currentTimeMillis() + Long.parseLong(timeout) * 1000;
        this.fromVersion = query.getOrDefault("resourceVersion", "");
    }

    void run() throws IOException {
        HttpExchange ex = fx.http();
        long version;
        try {
            version = fromVersion.isEmpty() || fromVersion.equals("0") ? -1 : Long.parseLong(fromVersion);
        } catch (NumberFormatException e) {
            KubevirtFront.send(ex, 400, Json.status(400, "BadRequest", "resourceVersion: Invalid value: \""
                    + fromVersion + "\": must be a resource version the server gave"));
            return;
        }
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(200, 0);
        try (OutputStream out = ex.getResponseBody()) {
            long lastWrite = System.currentTimeMillis();
            long sentVersion = version;
            while (System.currentTimeMillis() < deadline) {
                long from = sentVersion;
                Poll poll = fx.read((state, now) -> poll(front.apiState(state, settings, now).store(), from));
                if (fx.faultFor(fx.path()) != null) {
                    return;
                }
                for (ObjectNode e : poll.events()) {
                    out.write((e.toString() + "\n").getBytes(StandardCharsets.UTF_8));
                    lastWrite = System.currentTimeMillis();
                }
                if (poll.end()) {
                    out.flush();
                    return;
                }
                sentVersion = poll.events().isEmpty() && sentVersion >= 0 ? sentVersion : poll.clusterVersion();
                if (bookmarks && System.currentTimeMillis() - lastWrite >= BOOKMARK_MILLIS) {
                    out.write((bookmark(poll.clusterVersion()).toString() + "\n").getBytes(StandardCharsets.UTF_8));
                    sentVersion = poll.clusterVersion();
                    lastWrite = System.currentTimeMillis();
                }
                out.flush();
                Thread.sleep(POLL_MILLIS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException gone) {
            // The client closed the watch.
        }
    }

    /** The events after {@code version} (every current object as ADDED when it is negative), under the engine's lock. */
    private Poll poll(ResourceStore store, long version) {
        String plural = target.resource().plural();
        List<ObjectNode> events = new ArrayList<>();
        if (version < 0) {
            store.list(plural, target.namespace()).forEach(o -> events.add(event("ADDED", o)));
            return new Poll(events, false, store.resourceVersion());
        }
        if (!store.canResumeAfter(version)) {
            events.add(event("ERROR", Json.status(410, "Expired", "too old resource version: " + version + " ("
                    + store.oldestResumable() + ")")));
            return new Poll(events, true, store.resourceVersion());
        }
        store.changesAfter(version, plural, target.namespace()).forEach(c -> events.add(event(c.type(), c.object())));
        return new Poll(events, false, store.resourceVersion());
    }

    private ObjectNode bookmark(long version) {
        ObjectNode o = Json.object().put("kind", target.resource().kind()).put("apiVersion", target.resource().apiVersion());
        o.putObject("metadata").put("resourceVersion", Long.toString(version));
        return event("BOOKMARK", o);
    }

    private static ObjectNode event(String type, ObjectNode object) {
        ObjectNode e = Json.object().put("type", type);
        e.set("object", object);
        return e;
    }
}
