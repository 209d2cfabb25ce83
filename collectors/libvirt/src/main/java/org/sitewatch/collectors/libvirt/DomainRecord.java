package org.sitewatch.collectors.libvirt;

import java.util.Objects;

/**
 * One domain as one host's libvirt knows it.
 *
 * @param uuid the domain's UUID: the VM's id, the same on every host that defines it
 * @param active whether it runs on this host (it has an id); a shut-off or saved domain does not
 * @param persistent whether this host keeps its configuration (an inactive transient domain is gone)
 * @param seq when it last changed, in the order the collector saw changes (the latest wins a tie)
 */
record DomainRecord(String uuid, String name, String host, DomainPower power, boolean active, boolean persistent,
                    long seq) {

    DomainRecord {
        Objects.requireNonNull(uuid, "uuid");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(power, "power");
    }
}
