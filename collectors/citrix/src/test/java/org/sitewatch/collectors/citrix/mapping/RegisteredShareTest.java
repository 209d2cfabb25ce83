package org.sitewatch.collectors.citrix.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sitewatch.events.HaCluster;
import org.sitewatch.events.Platform;

/** A delivery group's registered share against the threshold, as an ha.cluster. */
class RegisteredShareTest {

    private final RegisteredShare share = new RegisteredShare("amsterdam", 80);

    @Test
    void aFullyRegisteredGroupCanLoseMachinesUntilItIsBelowTheThreshold() throws Exception {
        HaCluster c = share.byDeliveryGroup(group("Office", 8, 0)).get(0);
        assertThat(c).isEqualTo(new HaCluster("amsterdam", Platform.CITRIX, "Office", "Office", null, 8, 8, 2, null, "registered 8 of 8 (100%), threshold 80%"));
        // 8 expected, at least 7 registered (80 % of 8 is 6.4): the second unregistration takes it below
        assertThat(share.byDeliveryGroup(group("Office", 8, 1)).get(0).failoverCapacity()).isEqualTo(1);
        HaCluster below = share.byDeliveryGroup(group("Office", 8, 2)).get(0);
        assertThat(below.failoverCapacity()).isZero();
        assertThat(below.hostsHealthy()).isEqualTo(6);
        assertThat(below.vendorState()).isEqualTo("registered 6 of 8 (75%), threshold 80%");
    }

    @Test
    void exactlyAtTheThresholdIsNotBelowIt() {
        RegisteredShare half = new RegisteredShare("s", 50);
        assertThat(half.capacity(4, 2)).isEqualTo(1);
        assertThat(half.capacity(4, 1)).isZero();
        assertThat(share.capacity(5, 4)).as("4 of 5 is 80 %").isEqualTo(1);
        assertThat(share.capacity(3, 3)).as("3 of 3, the least 3 (2.4 rounded up)").isEqualTo(1);
        assertThat(share.capacity(3, 2)).isZero();
        assertThat(share.capacity(0, 0)).isNull();
        assertThat(new RegisteredShare("s", 100).capacity(10, 10)).isEqualTo(1);
    }

    @Test
    void machinesInMaintenanceOrDeliberatelyOffDoNotCountButOnesWithAnUnknownPowerStateDo() throws Exception {
        List<Machine> machines = new ArrayList<>(group("Office", 4, 0));
        machines.add(Machine.parse(member("Office", 10).put("IsInMaintenanceMode", true).put("CurrentRegistrationState", 2)));
        for (int power : new int[] {2, 4, 6, 7}) { // Off, Suspended, TurningOff, Suspending
            machines.add(Machine.parse(member("Office", 20 + power).put("CurrentPowerState", power)
                    .put("CurrentRegistrationState", 2)));
        }
        HaCluster c = share.byDeliveryGroup(machines).get(0);
        assertThat(c.hostsTotal()).isEqualTo(4);
        assertThat(c.hostsHealthy()).isEqualTo(4);
        assertThat(c.vendorState()).endsWith("; 5 off or in maintenance");

        machines.add(Machine.parse(member("Office", 40).put("CurrentPowerState", 0).put("CurrentRegistrationState", 2)
                .put("FaultState", 4)));
        HaCluster withLost = share.byDeliveryGroup(machines).get(0);
        assertThat(withLost.hostsTotal()).isEqualTo(5);
        assertThat(withLost.hostsHealthy()).isEqualTo(4);
        assertThat(withLost.failoverCapacity()).isEqualTo(1);
    }

    @Test
    void eachDeliveryGroupIsItsOwnClusterAndMachinesOfNoGroupAreLeftOut() throws Exception {
        List<Machine> machines = new ArrayList<>(group("Office", 3, 0));
        machines.addAll(group("Call Center", 3, 3));
        machines.add(Machine.parse(member(null, 99)));
        List<HaCluster> clusters = share.byDeliveryGroup(machines);
        assertThat(clusters).extracting(HaCluster::name).containsExactly("Office", "Call Center");
        assertThat(clusters.get(1).failoverCapacity()).isZero();
        assertThat(clusters.get(1).hostsHealthy()).isZero();
        assertThat(share.whole("ctx-ams", machines).hostsTotal()).isEqualTo(7);
    }

    @Test
    void aGroupWithNothingExpectedToServeHasNoCapacityFigure() throws Exception {
        HaCluster c = share.whole("ctx", List.of(Machine.parse(member("Office", 1).put("CurrentPowerState", 2))));
        assertThat(c.failoverCapacity()).isNull();
        assertThat(c.vendorState()).isEqualTo("no machine expected to serve (1 off or in maintenance)");
    }

    @Test
    void theThresholdIsAPercentage() {
        assertThatThrownBy(() -> new RegisteredShare("s", 0)).hasMessageContaining("1..100");
        assertThatThrownBy(() -> new RegisteredShare("s", 101)).hasMessageContaining("1..100");
    }

    /** {@code size} powered-on machines of one group, the last {@code unregistered} of them unregistered. */
    private static List<Machine> group(String name, int size, int unregistered) throws UnusableMachineException {
        List<Machine> out = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            ObjectNode m = member(name, i);
            if (i >= size - unregistered) {
                m.put("CurrentRegistrationState", 2).put("FaultState", 4).put("LastDeregisteredCode", 207);
            }
            out.add(Machine.parse(m));
        }
        return out;
    }

    private static ObjectNode member(String group, int n) {
        ObjectNode m = CitrixEnumMappingTest.machine().put("Id", group + "-" + n);
        if (group == null) {
            m.putNull("DesktopGroupId").putNull("DesktopGroup");
        } else if (!group.equals("Office")) {
            m.put("DesktopGroupId", "id-" + group);
            ((ObjectNode) m.get("DesktopGroup")).put("Id", "id-" + group).put("Name", group);
        }
        return m;
    }
}
