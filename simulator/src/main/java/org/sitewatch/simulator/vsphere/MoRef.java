package org.sitewatch.simulator.vsphere;

/** A managed object reference, e.g. {@code HostSystem host-12}. */
record MoRef(String type, String value) {

    WireValue.Ref wire() {
        return new WireValue.Ref(type, value);
    }

    @Override
    public String toString() {
        return type + ":" + value;
    }
}
