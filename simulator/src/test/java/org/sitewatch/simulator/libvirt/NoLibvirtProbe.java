package org.sitewatch.simulator.libvirt;

import org.sitewatch.simulator.Scenario;
import org.sitewatch.simulator.Simulator;

/**
 * Run by {@link LibvirtMissingLibraryTest} in a JVM whose JNA finds no libvirt.so.0: starts a
 * simulator with a libvirt cluster twice and prints each outcome on one line.
 */
final class NoLibvirtProbe {

    private NoLibvirtProbe() {
    }

    public static void main(String[] args) {
        Scenario scenario = Scenario.parse(LibvirtFrontTest.SCENARIO);
        for (int attempt = 0; attempt < 2; attempt++) {
            try (Simulator simulator = Simulator.builder(scenario).tickInterval(null).build().start()) {
                System.out.println("started on port " + simulator.port());
            } catch (IllegalStateException e) {
                System.out.println("failed: " + e.getMessage());
            }
        }
    }
}
