package org.sitewatch.simulator.proxmox;

/**
 * Plausible, deterministic load figures (cpu fraction, memory use) that drift slowly with time so
 * dashboards show movement. They carry no meaning for monitoring logic.
 */
final class Metrics {

    private Metrics() {
    }

    /** CPU usage as a fraction of all cores, 0.01..0.6. */
    static double cpu(long seed, long epochSecond) {
        double wave = Math.sin(seed * 0.7 + epochSecond / 37.0) * 0.5 + 0.5;
        return Math.round((0.01 + 0.59 * wave) * 10000) / 10000.0;
    }

    /** Memory in use, 25..75 % of {@code max}. */
    static long mem(long seed, long epochSecond, long max) {
        double wave = Math.cos(seed * 1.3 + epochSecond / 91.0) * 0.5 + 0.5;
        return (long) (max * (0.25 + 0.5 * wave));
    }
}
