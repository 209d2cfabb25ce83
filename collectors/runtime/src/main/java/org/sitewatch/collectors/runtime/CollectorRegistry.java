package org.sitewatch.collectors.runtime;

import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import org.sitewatch.collectors.spi.CollectorFactory;
import org.sitewatch.events.Platform;

/**
 * The vendor plug-ins available to the runtime, one {@link CollectorFactory} per platform, found
 * with {@link ServiceLoader} so the runtime never names a vendor class.
 *
 * <p>Limits: two factories for one platform are refused at start-up rather than picked at random.
 */
public final class CollectorRegistry {

    private final Map<Platform, CollectorFactory> factories;

    public CollectorRegistry(Collection<? extends CollectorFactory> factories) {
        Map<Platform, CollectorFactory> byPlatform = new EnumMap<>(Platform.class);
        for (CollectorFactory factory : factories) {
            CollectorFactory previous = byPlatform.putIfAbsent(factory.platform(), factory);
            if (previous != null) {
                throw new IllegalStateException("two collectors registered for platform " + factory.platform().wire()
                        + ": " + previous.getClass().getName() + " and " + factory.getClass().getName());
            }
        }
        this.factories = Map.copyOf(byPlatform);
    }

    /** Every factory listed in {@code META-INF/services} on the given class loader. */
    public static CollectorRegistry discover(ClassLoader loader) {
        return new CollectorRegistry(ServiceLoader.load(CollectorFactory.class, loader).stream()
                .map(ServiceLoader.Provider::get).toList());
    }

    public static CollectorRegistry discover() {
        return discover(CollectorRegistry.class.getClassLoader());
    }

    public Optional<CollectorFactory> find(Platform platform) {
        return Optional.ofNullable(factories.get(platform));
    }

    public Set<Platform> platforms() {
        return factories.keySet();
    }
}
