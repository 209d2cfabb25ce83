package org.sitewatch.bench.harness;

import java.util.Locale;

/** The machine line printed above every result: figures mean little without it. */
final class Machine {

    private Machine() {
    }

    static String describe() {
        Runtime rt = Runtime.getRuntime();
        return String.format(Locale.ROOT, "%d cores, max heap %d MB, Java %s (%s), %s %s %s", rt.availableProcessors(),
                rt.maxMemory() >> 20, System.getProperty("java.version"), System.getProperty("java.vm.name"),
                System.getProperty("os.name"), System.getProperty("os.version"), System.getProperty("os.arch"));
    }
}
