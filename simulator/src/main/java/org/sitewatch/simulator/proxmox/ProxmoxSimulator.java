package org.sitewatch.simulator.proxmox;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.sitewatch.simulator.Scenario;
import org.sitewatch.simulator.SimulatedEndpoint;
import org.sitewatch.simulator.Simulator;

/**
 * The simulator seen from a Proxmox VE test: the same server as {@link Simulator}, with the helpers
 * a PVE client needs (each cluster's API token and Authorization header). Clusters are what the
 * first scenario format called sites, hence {@link #sites()}.
 */
public final class ProxmoxSimulator implements AutoCloseable {

    private final Simulator simulator;

    private ProxmoxSimulator(Simulator simulator) {
        this.simulator = simulator;
    }

    /** A simulator with the defaults: system UTC clock, 127.0.0.1, ephemeral port, plain HTTP. */
    public ProxmoxSimulator(Scenario scenario) {
        this(Simulator.builder(scenario).build());
    }

    public static Builder builder(Scenario scenario) {
        return new Builder(Simulator.builder(scenario));
    }

    /** Binds the server and starts background ticking. */
    public ProxmoxSimulator start() {
        simulator.start();
        return this;
    }

    public int port() {
        return simulator.port();
    }

    /** E.g. {@code http://127.0.0.1:41234/paris-dc1/api2/json}. */
    public String baseUrl(String cluster) {
        return simulator.baseUrl(cluster);
    }

    /** Cluster names in scenario order. */
    public List<String> sites() {
        return simulator.clusters();
    }

    /** The cluster's full API token, {@code USER@REALM!TOKENID=SECRET}. */
    public String apiToken(String cluster) {
        return ProxmoxSettings.of(simulator.scenario().cluster(cluster)).token();
    }

    /** The {@code Authorization} header value for the cluster: {@code PVEAPIToken=<token>}. */
    public String authorizationHeader(String cluster) {
        return "PVEAPIToken=" + apiToken(cluster);
    }

    public List<SimulatedEndpoint> endpoints() {
        return simulator.endpoints();
    }

    public Scenario scenario() {
        return simulator.scenario();
    }

    /** The generic simulator underneath. */
    public Simulator simulator() {
        return simulator;
    }

    /** Advances all clusters to the clock's current time, applying due scenario steps. */
    public void tick() {
        simulator.tick();
    }

    @Override
    public void close() {
        simulator.close();
    }

    /** Options, as {@link Simulator.Builder}'s. */
    public static final class Builder {
        private final Simulator.Builder delegate;

        private Builder(Simulator.Builder delegate) {
            this.delegate = delegate;
        }

        public Builder clock(Clock clock) {
            delegate.clock(clock);
            return this;
        }

        public Builder bindAddress(String bindAddress) {
            delegate.bindAddress(bindAddress);
            return this;
        }

        public Builder port(int port) {
            delegate.port(port);
            return this;
        }

        public Builder tls(Path pkcs12Keystore, String password) {
            delegate.tls(pkcs12Keystore, password);
            return this;
        }

        public Builder tickInterval(Duration tickInterval) {
            delegate.tickInterval(tickInterval);
            return this;
        }

        public Builder faultHold(Duration faultHold) {
            delegate.faultHold(faultHold);
            return this;
        }

        public ProxmoxSimulator build() {
            return new ProxmoxSimulator(delegate.build());
        }
    }
}
