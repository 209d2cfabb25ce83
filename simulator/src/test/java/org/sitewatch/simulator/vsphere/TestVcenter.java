package org.sitewatch.simulator.vsphere;

import java.time.Duration;
import java.time.Instant;
import org.sitewatch.simulator.ManualClock;
import org.sitewatch.simulator.Scenario;
import org.sitewatch.simulator.Simulator;

/** A simulator on 127.0.0.1 for a scenario with a manual clock and no background ticks: the tests move time. */
final class TestVcenter implements AutoCloseable {

    static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");
    /** The password of {@link VsphereFrontTest#SCENARIO} as written inside XML. */
    static final String PASSWORD_XML = "s3cret&amp;&lt;x&gt;";

    final ManualClock clock = new ManualClock(T0);
    final Simulator simulator;

    TestVcenter(String yaml) {
        simulator = Simulator.builder(Scenario.parse(yaml)).clock(clock).tickInterval(null).build().start();
    }

    /** A SOAP client of the scenario's cluster {@code paris-vc}. */
    SoapTestClient soap() {
        return new SoapTestClient(simulator.baseUrl("paris-vc"));
    }

    /** A client logged in with the scenario's login. */
    SoapTestClient loggedIn() throws Exception {
        SoapTestClient soap = soap();
        soap.login("monitor@vsphere.local", PASSWORD_XML);
        return soap;
    }

    void advance(Duration d) {
        clock.advance(d);
        simulator.tick();
    }

    @Override
    public void close() {
        simulator.close();
    }
}
