package org.sitewatch.streams.query;

import java.util.List;

/**
 * Routing for a single instance (no {@code application.server}, or tests): every key is local. With
 * several instances sharing an application id, each would see only its own partitions, so the
 * Spring wiring uses {@link KafkaStreamsRouting} whenever an address is advertised.
 */
public final class LocalOnlyRouting implements Routing {

    @Override
    public Target owner(String store, String key) {
        return Target.LOCAL;
    }

    @Override
    public List<Target> instances(String store) {
        return List.of(Target.LOCAL);
    }
}
