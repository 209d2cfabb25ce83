package org.sitewatch.bench.harness;

import java.lang.management.ManagementFactory;
import java.util.Locale;

/**
 * The machine line printed above every result: figures mean little without it. The load average
 * says whether other work shared the cores during the run (a 2-core machine at load 10 gives each
 * runnable thread a fifth of a core).
 */
final class Machine {

    private Machine() {
    }

    static String describe() {
        Runtime rt = Runtime.getRuntime();
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        return String.format(Locale.ROOT, "%d cores, max heap %d MB, Java %s (%s), %s %s %s, load average %s at start",
                rt.availableProcessors(), rt.maxMemory() >> 20, System.getProperty("java.version"),
                System.getProperty("java.vm.name"), System.getProperty("os.name"), System.getProperty("os.version"),
                System.getProperty("os.arch"), load < 0 ? "unknown" : String.format(Locale.ROOT, "%.1f", load));
    }

    /**
     * How much CPU this process got since {@code startNanos}: on a shared machine, far less than
     * the cores times the wall time. Child JVMs started by scenarios are not counted.
     */
    static String usageSince(long startNanos) {
        double wall = (System.nanoTime() - startNanos) / 1e9;
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        String loadText = load < 0 ? "" : String.format(Locale.ROOT, ", load average %.1f at the end", load);
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                && os.getProcessCpuTime() >= 0) {
            double cpu = os.getProcessCpuTime() / 1e9;
            return String.format(Locale.ROOT, "this JVM used %.0f s of CPU in %.0f s (%.2f cores on average; child JVMs not counted)%s",
                    cpu, wall, cpu / wall, loadText);
        }
        return String.format(Locale.ROOT, "%.0f s%s", wall, loadText);
    }
}
