package org.sitewatch.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** The virtualization platforms Sitewatch collects from; the wire form is the lower-case word. */
public enum Platform {
    VSPHERE, HYPERV, AZURE, CITRIX, OVIRT, ORACLEVM, LIBVIRT, PROXMOX, KUBEVIRT;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static Platform fromWire(String word) {
        if (word == null) {
            throw new IllegalArgumentException("platform is missing");
        }
        try {
            return valueOf(word.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown platform '" + word + "'");
        }
    }
}
