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
import org.sitewatch.collectors.spi.ObservationSink;
import org.sitewatch.collectors.spi.PollingSource;
import org.sitewatch.collectors.spi.PushSource;
import org.sitewatch.collectors.spi.Snapshot;
import org.sitewatch.events.Platform;
import org.sitewatch.events.PowerState;
import org.sitewatch.events.VmState;

/** Polling sources whose behaviour a test swaps at any time, a recording push source, and endpoints for them. */
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

    /** The platform and settings every scripted factory declares: scripted endpoints are Proxmox-shaped. */
    abstract static class ScriptedPlatform implements CollectorFactory {
        @Override
        public Platform platform() {
            return Platform.PROXMOX;
        }

        @Override
        public Class<ScriptedSettings> settingsType() {
            return ScriptedSettings.class;
        }
    }

    /** A factory whose sources all follow one switchable behaviour. */
    static final class ScriptedFactory extends ScriptedPlatform {
        final AtomicReference<Behaviour> behaviour;
        final AtomicReference<CollectorException> createFailure = new AtomicReference<>();
        final AtomicReference<ScriptedSource> last = new AtomicReference<>();

        ScriptedFactory(Behaviour behaviour) {
            this.behaviour = new AtomicReference<>(behaviour);
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

    /** A factory that hands out the one source a test drives itself. */
    static CollectorFactory factoryOf(CollectorSource source) {
        return new ScriptedPlatform() {
            @Override
            public CollectorSource create(EndpointConfig endpoint, CollectorContext context) {
                return source;
            }
        };
    }

    /** A push source that records subscriptions and resync requests; the test pushes through the sink it was given. */
    static final class RecordingPushSource implements PushSource {
        volatile ObservationSink sink;
        /** What {@link #resync()} answers: false, the SPI's default, makes the runtime re-subscribe. */
        volatile boolean canResync;
        final AtomicInteger starts = new AtomicInteger();
        final AtomicInteger stops = new AtomicInteger();
        final AtomicInteger resyncs = new AtomicInteger();

        RecordingPushSource(boolean canResync) {
            this.canResync = canResync;
        }

        @Override
        public void start(ObservationSink sink) {
            starts.incrementAndGet();
            this.sink = sink;
        }

        @Override
        public void stop() {
            stops.incrementAndGet();
        }

        @Override
        public boolean resync() {
            resyncs.incrementAndGet();
            return canResync;
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
