package org.sitewatch.streams.query;

import com.fasterxml.jackson.databind.JavaType;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Runs a query where its data is: on the instance owning a key ({@link #atOwner}), or on every
 * instance holding a store ({@link #everywhere}), locally in-process and remotely through
 * {@link RemoteViews}. All-or-nothing: if any instance cannot answer, the whole query fails with
 * {@link NotReadyException} (HTTP 503), never a partial answer presented as whole.
 */
public final class QueryRouter {

    private final Routing routing;
    private final RemoteViews remote;
    private final LocalReads local;

    public QueryRouter(Routing routing, RemoteViews remote, LocalReads local) {
        this.routing = routing;
        this.remote = remote;
        this.local = local;
    }

    /** Answers from the owner of {@code key}; {@code remotePath} must ask it with {@code local=true}. */
    public <T> T atOwner(String store, String key, Supplier<T> here, String remotePath, JavaType type) {
        local.requireReady();
        Target owner = routing.owner(store, key);
        return owner.local() ? here.get() : remote.get(owner, remotePath, type);
    }

    /** Answers of every instance holding {@code store}, this one's first. */
    public <T> List<T> everywhere(String store, Supplier<T> here, String remotePath, JavaType type) {
        local.requireReady();
        List<T> parts = new ArrayList<>();
        for (Target target : routing.instances(store)) {
            parts.add(target.local() ? localPart(store, here) : remote.get(target, remotePath, type));
        }
        // The assignment may have changed while we asked; then some part may be missing.
        local.requireReady();
        return parts;
    }

    /**
     * This instance's part of a fan-out (also what a {@code local=true} request answers): only when
     * every partition of {@code store} assigned here is readable before and after reading it.
     */
    public <T> T localPart(String store, Supplier<T> here) {
        local.requireReady();
        routing.requireLocalPartsReadable(store);
        T part = here.get();
        routing.requireLocalPartsReadable(store);
        return part;
    }

    /** For {@code local=true} requests about one key: refuse (503) if this instance no longer owns it. */
    public void requireLocalOwner(String store, String key) {
        local.requireReady();
        if (!routing.owner(store, key).local()) {
            throw new NotReadyException(Readiness.notReady("REBALANCING", "the key '" + key + "' of " + store
                    + " moved to another instance; ask again"));
        }
    }
}
