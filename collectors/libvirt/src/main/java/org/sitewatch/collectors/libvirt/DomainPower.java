package org.sitewatch.collectors.libvirt;

import java.util.Objects;
import org.sitewatch.events.PowerState;

/**
 * A domain's power in the contract's words, and libvirt's own word that decided it (the
 * {@code vendorState} of the VM).
 */
record DomainPower(PowerState state, String word) {

    DomainPower {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(word, "word");
    }
}
