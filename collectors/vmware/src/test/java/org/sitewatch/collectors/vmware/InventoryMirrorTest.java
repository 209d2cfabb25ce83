package org.sitewatch.collectors.vmware;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sitewatch.collectors.vmware.vim25.MoRef;
import org.sitewatch.collectors.vmware.vim25.UpdateSet;
import org.sitewatch.collectors.vmware.vim25.UpdateSet.Kind;
import org.sitewatch.collectors.vmware.vim25.UpdateSet.ObjectUpdate;
import org.sitewatch.collectors.vmware.vim25.UpdateSet.Op;
import org.sitewatch.collectors.vmware.vim25.UpdateSet.PropertyChange;

class InventoryMirrorTest {

    private static final MoRef FILTER = new MoRef("PropertyFilter", "f-1");
    private static final MoRef VM_42 = new MoRef("VirtualMachine", "vm-42");
    private static final MoRef HOST_12 = new MoRef("HostSystem", "host-12");

    private final InventoryMirror mirror = new InventoryMirror();

    @Test
    void entersThenAppliesOnlyTheChangedProperties() {
        mirror.apply(set(update(Kind.ENTER, VM_42, assign("name", "app01"), assign("runtime.powerState", "poweredOn")),
                update(Kind.ENTER, HOST_12, assign("name", "esx1"))));
        mirror.apply(set(update(Kind.MODIFY, VM_42, assign("runtime.powerState", "poweredOff"))));

        assertThat(mirror.get(VM_42)).containsExactlyInAnyOrderEntriesOf(
                Map.of("name", "app01", "runtime.powerState", "poweredOff"));
        assertThat(mirror.ofType("HostSystem")).containsOnlyKeys(HOST_12);
        assertThat(mirror.size()).isEqualTo(2);
    }

    @Test
    void removedPropertiesAndObjectsThatLeaveAreGone() {
        mirror.apply(set(update(Kind.ENTER, VM_42, assign("name", "app01"), assign("runtime.dasVmProtection", "x")),
                update(Kind.ENTER, HOST_12, assign("name", "esx1"))));
        mirror.apply(set(update(Kind.MODIFY, VM_42, new PropertyChange("runtime.dasVmProtection", Op.INDIRECT_REMOVE, null)),
                update(Kind.LEAVE, HOST_12)));

        assertThat(mirror.get(VM_42)).containsOnlyKeys("name");
        assertThat(mirror.get(HOST_12)).isNull();
        assertThat(mirror.ofType("HostSystem")).isEmpty();
    }

    @Test
    void anObjectEnteringAgainStartsFromWhatItsUpdateSays() {
        mirror.apply(set(update(Kind.ENTER, VM_42, assign("name", "app01"), assign("runtime.host", HOST_12))));
        mirror.apply(set(update(Kind.ENTER, VM_42, assign("name", "app01-moved"))));

        assertThat(mirror.get(VM_42)).containsExactlyEntriesOf(Map.of("name", "app01-moved"));
    }

    private static PropertyChange assign(String name, Object value) {
        return new PropertyChange(name, Op.ASSIGN, value);
    }

    private static ObjectUpdate update(Kind kind, MoRef obj, PropertyChange... changes) {
        return new ObjectUpdate(FILTER, kind, obj, List.of(changes), Map.of());
    }

    private static UpdateSet set(ObjectUpdate... updates) {
        return new UpdateSet("1", false, List.of(updates));
    }
}
