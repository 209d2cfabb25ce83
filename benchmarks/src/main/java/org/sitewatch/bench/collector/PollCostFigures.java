package org.sitewatch.bench.collector;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToLongFunction;
import org.sitewatch.bench.harness.Figure;

/** The figures of a poll-cost scenario from its polls, the same for every vendor, and one line per poll. */
final class PollCostFigures {

    private PollCostFigures() {
    }

    static String describe(PollSample p) {
        return String.format(Locale.ROOT, "collector %d, %s poll: cpu %.0f ms, wall %.0f ms, %.0f MB allocated, %,d events",
                p.runner() + 1, p.kind().name().toLowerCase(Locale.ROOT), p.cpuNanos() / 1e6, p.wallNanos() / 1e6,
                p.allocatedBytes() / 1e6, p.events());
    }

    /**
     * Medians per kind of poll over the warm collectors (all of them when only one ran), the cold first poll, and the
     * events per kind (every poll counts there: behaviour, not speed).
     */
    static List<Figure> of(String scenario, int vms, int eventsPerChange, List<PollSample> samples) {
        List<PollSample> warm = samples.stream().filter(p -> p.runner() > 0).toList();
        List<PollSample> measured = warm.isEmpty() ? samples : warm;
        List<Figure> figures = new ArrayList<>();
        figures.add(Figure.of(scenario, "VMs", vms));
        for (PollSample.Kind kind : PollSample.Kind.values()) {
            List<PollSample> ofKind = measured.stream().filter(p -> p.kind() == kind).toList();
            if (ofKind.isEmpty()) {
                continue;
            }
            String label = label(kind);
            figures.add(Figure.of(scenario, "cpu ms per poll, " + label, median(ofKind, PollSample::cpuNanos) / 1e6)
                    .withTarget("< 1000"));
            figures.add(Figure.of(scenario, "wall ms per poll, " + label, median(ofKind, PollSample::wallNanos) / 1e6));
            figures.add(Figure.of(scenario, "MB allocated per poll, " + label, median(ofKind, PollSample::allocatedBytes) / 1e6));
        }
        samples.stream().filter(p -> p.runner() == 0 && p.kind() == PollSample.Kind.FIRST).findFirst()
                .ifPresent(p -> figures.add(Figure.of(scenario, "cpu ms, first poll of the first collector (cold JIT)",
                        p.cpuNanos() / 1e6)));
        samples.stream().filter(p -> p.kind() == PollSample.Kind.FIRST).mapToInt(PollSample::events).max()
                .ifPresent(n -> figures.add(Figure.of(scenario, "events on first poll", n)));
        samples.stream().filter(p -> p.kind() == PollSample.Kind.UNCHANGED).mapToInt(PollSample::events).max()
                .ifPresent(n -> figures.add(Figure.of(scenario, "events on unchanged poll", n).withTarget("= 0")));
        samples.stream().filter(p -> p.kind() == PollSample.Kind.CHANGED).mapToInt(PollSample::events).max()
                .ifPresent(n -> figures.add(Figure.of(scenario, "events after 1 % of VMs changed", n)
                        .withTarget("= " + eventsPerChange)));
        return figures;
    }

    private static String label(PollSample.Kind kind) {
        return switch (kind) {
            case FIRST -> "first (full inventory)";
            case UNCHANGED -> "unchanged";
            case CHANGED -> "1 % changed";
        };
    }

    private static double median(List<PollSample> samples, ToLongFunction<PollSample> value) {
        long[] sorted = samples.stream().mapToLong(value).sorted().toArray();
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2.0;
    }
}
