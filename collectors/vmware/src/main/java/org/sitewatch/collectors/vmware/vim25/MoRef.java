package org.sitewatch.collectors.vmware.vim25;

import java.util.Objects;

/**
 * A managed object reference: the object's type and its id within one vCenter, e.g.
 * {@code VirtualMachine vm-42}; on the wire {@code <obj type="VirtualMachine">vm-42</obj>}.
 */
public record MoRef(String type, String value) {

    public MoRef {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return type + ":" + value;
    }
}
