package org.sitewatch.collectors.runtime;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.sitewatch.collectors.spi.CollectorContext;
import org.sitewatch.collectors.spi.CollectorException;
import org.sitewatch.collectors.spi.CollectorFactory;
import org.sitewatch.collectors.spi.CollectorSource;
import org.sitewatch.collectors.spi.EndpointConfig;
import org.sitewatch.collectors.spi.PollingSource;
import org.sitewatch.collectors.spi.Snapshot;
import org.sitewatch.events.Platform;
import org.sitewatch.events.PowerState;
import org.sitewatch.events.VmState;

/** Polling sources whose behaviour a test swaps at any time, and endpoints for them. */
final class ScriptedSources {

    private ScriptedSources() {
    }

    /** What one poll does, given the context's clock. */
    @FunctionalInterface
    interface Behaviour {
        Snapshot poll(CollectorContext context) throws CollectorException;
    }

    /** A polling source doing whatever its current behaviour says; counts polls. */
    static final class ScriptedSource implements PollingSource {
        final AtomicReference<Behaviour> behaviour;
        final AtomicInteger polls = new AtomicInteger();
        private final CollectorContext context;
        volatile boolean closed;

        ScriptedSource(Behaviour behaviour, CollectorContext context) {
            this.behaviour = new AtomicReference<>(behaviour);
            this.context = context;
        }

        @Override
        public Snapshot poll() throws CollectorException {
            polls.incrementAndGet();
            return behaviour.get().poll(context);
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    /** A factory whose sources all follow one switchable behaviour. */
    static final class ScriptedFactory implements CollectorFactory {
        final AtomicReference<Behaviour> behaviour;
        final AtomicReference<CollectorException> createFailure = new AtomicReference<>();
        final AtomicReference<ScriptedSource> last = new AtomicReference<>();

        ScriptedFactory(Behaviour behaviour) {
            this.behaviour = new AtomicReference<>(behaviour);
        }

        @Override
        public Platform platform() {
            return Platform.PROXMOX;
        }

        @Override
        public Class<ScriptedSettings> settingsType() {
            return ScriptedSettings.class;
        }

        @Override
        public CollectorSource create(EndpointConfig endpoint, CollectorContext context) throws CollectorException {
            CollectorException failure = createFailure.get();
            if (failure != null) {
                throw failure;
            }
            ScriptedSource source = new ScriptedSource(c -> behaviour.get().poll(c), context);
            last.set(source);
            return source;
        }
    }

    /** The scripted endpoints' only vendor key: the URL heartbeats show. */
    record ScriptedSettings(URI url) {
    }

    static EndpointConfig endpoint(String id, String site) {
        return EndpointConfig.builder(id, site, Platform.PROXMOX)
                .setting("url", "https://" + id + ".example:8006/api2/json")
                .pollInterval(Duration.ofMillis(50))
                .timeout(Duration.ofMillis(200))
                .pollDeadline(Duration.ofMillis(300))
                .build();
    }

    /** A snapshot with one running VM per id. */
    static Snapshot vms(CollectorContext context, String site, String... ids) {
        Snapshot.Builder b = Snapshot.builder(context.clock().instant());
        for (String id : ids) {
            b.state(new VmState(site, Platform.PROXMOX, id, "vm-" + id, "pve1", "c", PowerState.RUNNING, "running",
                    false, null, false));
        }
        return b.build();
    }
}
