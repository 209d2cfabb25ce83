package org.sitewatch.collectors.libvirt;

import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.sitewatch.collectors.spi.EndpointConfig;
import org.sitewatch.events.EventValidator;
import org.sitewatch.events.Platform;
import org.sitewatch.events.PowerState;
import org.sitewatch.testsupport.fuzz.FuzzGuard;
import org.sitewatch.testsupport.fuzz.OddValues;

/**
 * Fault suite 7 for libvirt: what libvirt hands the collector are numbers and names (a domain's
 * state, a lifecycle event's type and detail, UUIDs and names), not documents. Sequences of host
 * listings and lifecycle events with any int (negative, unknown, extreme), odd names and a domain
 * shared by hosts go through {@link DomainStates}, {@link LifecycleEvents} and {@link DomainTable};
 * every step ends in a VM state, never an exception or a hang.
 */
class LibvirtEventFuzzTest {

    private static final EndpointConfig ENDPOINT = EndpointConfig.builder("kvm", "paris", Platform.LIBVIRT)
            .nodeSites(Map.of("kvm-b", "oslo")).build();
    private static final List<String> HOSTS = List.of("kvm-a", "kvm-b", "kvm-c");
    private static final List<String> UUIDS = List.of("6f2c0d4e-0000-4000-8000-000000000001",
            "6f2c0d4e-0000-4000-8000-000000000002", "");

    /** One step: a host's full listing (when {@code listing}) or one lifecycle event of a domain. */
    record Step(boolean listing, int host, int uuid, String name, int type, int detail, boolean hostUp) {
    }

    @Property(tries = 10_000)
    void everyEventAndListingGivesAVmState(@ForAll("steps") List<Step> steps) {
        FuzzGuard.expectResultOr(steps, () -> {
            DomainTable table = new DomainTable(ENDPOINT);
            for (Step s : steps) {
                String host = HOSTS.get(s.host());
                String uuid = UUIDS.get(s.uuid());
                if (s.listing()) {
                    table.replaceHost(host, List.of(new DomainRecord(uuid, s.name(), host, DomainStates.of(s.type()),
                            s.detail() % 2 == 0, s.detail() % 3 != 0, 0)));
                } else {
                    LifecycleEvents.Change change = LifecycleEvents.map(s.type(), s.detail());
                    table.apply(host, uuid, s.name(), change, h -> s.hostUp(), () -> new DomainRecord(uuid, null, host,
                            new DomainPower(PowerState.UNKNOWN, "unreadable"), false, true, 0));
                }
                table.states(h -> s.hostUp()).forEach(EventValidator::problems);
            }
            return table;
        });
    }

    @Provide
    Arbitrary<List<Step>> steps() {
        Arbitrary<Integer> codes = Arbitraries.oneOf(Arbitraries.integers().between(-2, 12),
                Arbitraries.of(Integer.MIN_VALUE, Integer.MAX_VALUE, -1, 1 << 16));
        Arbitrary<String> names = Arbitraries.oneOf(OddValues.strings(), Arbitraries.of("db-01", "web-01"),
                Arbitraries.just(null));
        Arbitrary<Step> step = Combinators.combine(Arbitraries.of(true, false), Arbitraries.integers().between(0, 2),
                Arbitraries.integers().between(0, 2), names, codes, codes, Arbitraries.of(true, false)).as(Step::new);
        return step.list().ofMinSize(1).ofMaxSize(12);
    }
}
