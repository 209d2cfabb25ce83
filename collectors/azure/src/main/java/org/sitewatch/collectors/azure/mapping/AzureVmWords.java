package org.sitewatch.collectors.azure.mapping;

import java.util.Map;
import org.sitewatch.events.PowerState;

/** Words of an Azure VM's instance view and of Resource Health (vendor doc sections 2.6 and 2.7). */
public final class AzureVmWords {

    private AzureVmWords() {
    }

    /**
     * The {@code PowerState/<word>} status code. Starting counts as running (the guest is booting),
     * stopping, stopped, deallocating and deallocated as stopped: "stopped" still holds (and bills)
     * its host, which {@link #code()} keeps apart.
     */
    public enum Power {
        STARTING(PowerState.RUNNING), RUNNING(PowerState.RUNNING), STOPPING(PowerState.STOPPED),
        STOPPED(PowerState.STOPPED), DEALLOCATING(PowerState.STOPPED), DEALLOCATED(PowerState.STOPPED),
        UNKNOWN(PowerState.UNKNOWN);

        private final PowerState power;

        Power(PowerState power) {
            this.power = power;
        }

        public PowerState power() {
            return power;
        }

        /** The lower-case word Azure uses. */
        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * Resource Health {@code availabilityState}. Azure's own "Unknown" and a word we do not know
     * both read as UNKNOWN; {@link Reading#raw()} tells them apart.
     */
    public enum Availability { AVAILABLE, DEGRADED, UNAVAILABLE, UNKNOWN }

    /** Reads a status code such as {@code PowerState/deallocated}; the word after the slash is kept raw. */
    public static Reading<Power> power(String statusCode) {
        String word = statusCode == null ? null : statusCode.substring(statusCode.indexOf('/') + 1);
        return Reading.of(word, Map.of("starting", Power.STARTING, "running", Power.RUNNING,
                "stopping", Power.STOPPING, "stopped", Power.STOPPED, "deallocating", Power.DEALLOCATING,
                "deallocated", Power.DEALLOCATED), Power.UNKNOWN);
    }

    public static Reading<Availability> availability(String word) {
        return Reading.of(word, Map.of("available", Availability.AVAILABLE, "degraded", Availability.DEGRADED,
                "unavailable", Availability.UNAVAILABLE), Availability.UNKNOWN);
    }
}
