package org.sitewatch.collectors.citrix.mapping;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.sitewatch.events.Platform;
import org.sitewatch.events.PowerState;
import org.sitewatch.events.VmState;

/**
 * A VDI machine as a {@code vm.state}: its power state normalized, its hosting server as its host,
 * its delivery group as its cluster, and the vendor state spelling out what an operator of Citrix
 * looks at: power, registration (with the last deregistration reason while unregistered), fault,
 * maintenance and sessions, e.g. {@code power Unknown (0), Unregistered: ContactLost (207), fault
 * Unregistered (4)}.
 */
public final class MachineMapper {

    private final String site;
    private final UnaryOperator<String> siteOfHost;

    /**
     * @param site the endpoint's site
     * @param siteOfHost the site of a hosting server ({@code node-sites}), the endpoint's site for the others
     */
    public MachineMapper(String site, UnaryOperator<String> siteOfHost) {
        this.site = site;
        this.siteOfHost = siteOfHost;
    }

    public VmState map(Machine m) {
        String machineSite = m.hostingServer() == null ? site : siteOfHost.apply(m.hostingServer());
        return new VmState(machineSite, Platform.CITRIX, m.id(), m.name(), m.hostingServer(), m.groupName(),
                power(m.power()), vendorState(m), null, null, false);
    }

    /**
     * Power states in transition count as the state they leave (turning on is still STOPPED,
     * suspending still RUNNING); states in which the broker cannot see the machine are UNKNOWN.
     */
    public static PowerState power(CitrixCode code) {
        return switch (code.known() ? code.name() : CitrixCode.UNKNOWN) {
            case "On", "TurningOff", "Suspending" -> PowerState.RUNNING;
            case "Off", "TurningOn" -> PowerState.STOPPED;
            case "Suspended", "Resuming" -> PowerState.SUSPENDED;
            default -> PowerState.UNKNOWN; // Unknown, Unavailable, Unmanaged, NotSupported, VirtualMachineNotFound
        };
    }

    static String vendorState(Machine m) {
        List<String> parts = new ArrayList<>();
        parts.add("power " + m.power().name() + (m.power().known() ? "" : " (" + m.power().code() + ")"));
        String registration = m.registration().name() + (m.registration().known() ? "" : " (" + m.registration().code()
                + ")");
        if (!"Registered".equals(m.registration().name()) && m.lastDeregistration() != null) {
            registration += ": " + m.lastDeregistration().describe();
        }
        parts.add(registration);
        if (!"None".equals(m.fault().name())) {
            parts.add("fault " + m.fault().describe());
        }
        if (m.maintenance()) {
            parts.add("in maintenance");
        }
        if (!"Vda".equals(m.role().name())) {
            parts.add("role " + m.role().describe());
        }
        if (m.sessions() != null) {
            parts.add("sessions " + m.sessions());
        }
        return String.join(", ", parts);
    }
}
