package org.sitewatch.simulator.libvirt;

import org.sitewatch.simulator.Scenario;
import org.sitewatch.simulator.SimulatedEndpoint;
import org.sitewatch.simulator.Simulator;

/**
 * Run by {@link LibvirtMissingLibraryTest} in a JVM whose JNA finds no libvirt.so.0: starts a
 * simulator playing the default scenario (whose estate has a libvirt cluster) twice and prints each
 * outcome on one line: the endpoints it describes and the clusters it left out.
 */
final class NoLibvirtProbe {

    private NoLibvirtProbe() {
    }

    public static void main(String[] args) {
        Scenario scenario = Scenario.loadResource("/scenarios/default.yaml");
        for (int attempt = 0; attempt < 2; attempt++) {
            try (Simulator simulator = Simulator.builder(scenario).tickInterval(null).build().start()) {
                simulator.tick();
                System.out.println("started with endpoints " + simulator.endpoints().stream()
                        .map(SimulatedEndpoint::id).toList() + ", left out " + simulator.leftOutClusters().keySet());
            } catch (IllegalStateException e) {
                System.out.println("failed: " + e.getMessage());
            }
        }
    }
}
