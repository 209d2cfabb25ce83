package org.sitewatch.collectors.spi;

/**
 * What a {@link CollectorFactory} creates for one endpoint: either a {@link PollingSource} or a
 * {@link PushSource}. The runtime owns the source's life cycle and calls {@link #close()} once.
 */
public sealed interface CollectorSource extends AutoCloseable permits PollingSource, PushSource {

    /** Releases connections and threads. Must not throw; the default has nothing to release. */
    @Override
    default void close() {
    }
}
