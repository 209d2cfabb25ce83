package org.sitewatch.bench.streams;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.sitewatch.bench.harness.BenchContext;
import org.sitewatch.bench.harness.Figure;
import org.sitewatch.bench.harness.ProgressLine;
import org.sitewatch.bench.harness.Scenario;
import org.sitewatch.broker.FreePorts;

/**
 * The embedded default as a user first runs it, {@code java -jar sitewatch.jar run} (its own broker, simulator,
 * collectors and streams app, default JVM settings) on free loopback ports and an empty data folder: seconds from
 * launch until {@code /api/sites} lists every site of the default scenario. The build is not counted. It does not
 * use the harness's broker.
 */
public final class StartupScenario implements Scenario {

    public static final String NAME = "startup";
    private static final String DEFAULT_SCENARIO = "/scenarios/default.yaml";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "java -jar sitewatch.jar run (embedded broker, simulator, collectors and streams app; default JVM settings; "
                + "empty data folder): seconds from launch until /api/sites lists every site of the default scenario";
    }

    @Override
    public List<Figure> run(BenchContext context) throws Exception {
        ProgressLine.Task task = context.progress(NAME);
        Path work = Files.createDirectories(context.workDir().resolve(NAME));
        Set<String> expected = new TreeSet<>(org.sitewatch.simulator.Scenario.loadResource(DEFAULT_SCENARIO).sites());
        int[] ports = FreePorts.pick("127.0.0.1", 2);
        AppHttp http = new AppHttp(ports[0]);
        List<String> args = List.of("run", "--data-dir", work.resolve("data").toString(), "--port", Integer.toString(ports[0]),
                "--kafka-port", "0", "--simulator-port", Integer.toString(ports[1]), "--server.address=127.0.0.1",
                // the harness reads the views without credentials: an explicit choice on loopback
                "--sitewatch.security.anonymous-viewer=true");
        task.say("launching (log " + work.resolve("run.log") + ")");
        long deadline = System.nanoTime() + context.scenarioLimit().toNanos();
        try (AppProcess app = AppProcess.start(AppJar.locate(), List.of(), args, work.resolve("run.log"))) {
            Set<String> listed = Set.of();
            while (!listed.containsAll(expected)) {
                app.requireAlive("before /api/sites listed the default scenario's sites");
                if (System.nanoTime() > deadline) {
                    throw app.failure("/api/sites did not list " + expected + " within the scenario limit "
                            + context.scenarioLimit() + " (last listed " + listed + ")");
                }
                Thread.sleep(100);
                listed = AppHttp.siteNames(http.get("/api/sites"));
            }
            Duration startup = Duration.ofNanos(System.nanoTime() - app.launchedNanos());
            task.say(String.format(Locale.ROOT, "%s listed after %.1f s", expected, startup.toMillis() / 1e3));
            return List.of(Figure.of(NAME, "seconds", startup.toMillis() / 1e3).withTarget("< 30"),
                    Figure.of(NAME, "peak RSS MB", app.memory().peakRssMb()));
        }
    }
}
