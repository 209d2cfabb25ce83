package org.sitewatch.bench.harness;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.sitewatch.bench.kafka.KafkaClientWarmup;
import org.sitewatch.bench.kafka.TopicLeaders;
import org.sitewatch.broker.EmbeddedKafkaBroker;
import org.sitewatch.events.TopicProvisioner;
import org.sitewatch.events.Topics;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bench/benchmark.sh}: one run of every scenario (or those named) on one embedded Kafka
 * broker, Kafka's own tools first as the yardstick, then one table of the figures with their ratio
 * to Kafka and whether each target is met.
 */
@Command(name = "benchmark", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Runs Sitewatch's benchmark scenarios against Kafka's own performance tools on one embedded broker",
                "and prints one table: scenario | measure | value | ratio to Kafka | target | met.",
                "Exit codes: 0 every scenario ran, 1 a scenario failed, 2 bad options."})
public final class Harness implements Callable<Integer> {

    static final long DEFAULT_EVENTS = 1_000_000;
    static final long SMOKE_EVENTS = 20_000;
    static final Duration SMOKE_LIMIT = Duration.ofSeconds(60);

    @Option(names = "--events", paramLabel = "N", description = "Events the throughput scenarios produce and read (default 1,000,000; 20,000 with --smoke).")
    Long events;

    @Option(names = "--smoke", description = "The seconds-long variant: 20,000 events, 60 s per scenario, same code paths.")
    boolean smoke;

    @Option(names = "--scenarios", split = ",", paramLabel = "NAME", description = "Only these scenarios, in the harness's order (default all; see --list).")
    List<String> only;

    @Option(names = "--limit", paramLabel = "DURATION", description = "Wall-clock bound of one scenario (default PT10M; PT60S with --smoke).")
    String limit;

    @Option(names = "--out", paramLabel = "FILE.md", description = "Also write the table as Markdown to this file.")
    Path out;

    @Option(names = "--list", description = "List the scenarios and exit.")
    boolean list;

    private final PrintStream console;
    private final List<Scenario> registry;
    private final List<ScenarioOutcome> outcomes = new ArrayList<>();

    Harness(PrintStream console, List<Scenario> registry) {
        this.console = console;
        this.registry = registry;
    }

    public static void main(String[] args) {
        System.exit(execute(System.out, args));
    }

    /** Runs the harness in this JVM, as {@code main} does, and returns its exit code. */
    public static int execute(PrintStream console, String... args) {
        return new CommandLine(new Harness(console, Scenarios.all())).execute(args);
    }

    @Override
    public Integer call() throws Exception {
        if (list) {
            registry.forEach(s -> console.printf(Locale.ROOT, "%-20s %s%n", s.name(), s.description()));
            return 0;
        }
        List<Scenario> selected = select();
        long eventCount = events != null ? events : smoke ? SMOKE_EVENTS : DEFAULT_EVENTS;
        Duration scenarioLimit = limit != null ? BenchDurations.parse(limit, "--limit") : smoke ? SMOKE_LIMIT : Duration.ofMinutes(10);
        long started = System.nanoTime();
        String machine = Machine.describe();
        String runLine = String.format(Locale.ROOT, "%,d events%s, scenario limit %s, %s", eventCount, smoke ? " (smoke)" : "",
                scenarioLimit, Instant.now().truncatedTo(ChronoUnit.SECONDS));
        console.println("machine: " + machine);
        console.println("run:     " + runLine);
        Path workDir = Files.createTempDirectory("sitewatch-bench-");
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.builder().dataDir(workDir.resolve("kafka")).port(0).start()) {
            console.println("broker:  " + broker.bootstrapServers() + " (embedded, one node, data in " + workDir + ")");
            try (Admin admin = Admin.create(Map.<String, Object>of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
                new TopicProvisioner(admin, (short) 1, Duration.ofSeconds(30)).ensure(Topics.ALL);
                TopicLeaders.await(admin, Topics.ALL.stream().map(t -> t.name()).toList(), Duration.ofSeconds(30));
            }
            BenchContext context = new BenchContext(broker.bootstrapServers(), workDir, smoke, eventCount, scenarioLimit,
                    new ProgressLine(console));
            warmUp(context);
            for (Scenario scenario : selected) {
                outcomes.add(runOne(scenario, context));
            }
        } finally {
            deleteTree(workDir);
        }
        ResultTable table = ResultTable.of(outcomes);
        String usage = Machine.usageSince(started);
        console.println();
        console.println("usage:   " + usage);
        console.println("Kafka's clients are warmed up before the first figure; Sitewatch's figures are of its first (cold) pass.");
        console.print(table.toText());
        if (out != null) {
            writeMarkdown(table, machine, runLine, usage);
            console.println("table written to " + out);
        }
        return outcomes.stream().anyMatch(ScenarioOutcome::failed) ? 1 : 0;
    }

    /** The outcomes of the last run, in order. */
    List<ScenarioOutcome> outcomes() {
        return List.copyOf(outcomes);
    }

    private List<Scenario> select() {
        if (only == null || only.isEmpty()) {
            return registry;
        }
        Set<String> names = new LinkedHashSet<>(only);
        List<String> known = registry.stream().map(Scenario::name).toList();
        List<String> unknown = names.stream().filter(n -> !known.contains(n)).toList();
        if (!unknown.isEmpty()) {
            throw new CommandLine.ParameterException(new CommandLine(this),
                    "unknown scenario(s) " + unknown + "; known: " + String.join(", ", known));
        }
        return registry.stream().filter(s -> names.contains(s.name())).toList();
    }

    private void warmUp(BenchContext context) {
        try {
            KafkaClientWarmup.run(context);
        } catch (Exception e) {
            console.println("[warm-up] failed, the first Kafka figures are of a cold JVM: " + e);
        }
    }

    /** Runs one scenario on its own thread, bounded by the limit plus a grace period; a failure becomes a FAILED row. */
    private ScenarioOutcome runOne(Scenario scenario, BenchContext context) {
        ProgressLine.Task progress = context.progress(scenario.name());
        progress.say(scenario.description());
        long start = System.nanoTime();
        FutureTask<List<Figure>> task = new FutureTask<>(() -> scenario.run(context));
        Thread thread = new Thread(task, "scenario-" + scenario.name());
        thread.setDaemon(true);
        thread.start();
        try {
            // Scenarios stop themselves at the limit; the grace covers their reporting and cleanup.
            List<Figure> figures = task.get(context.scenarioLimit().plusSeconds(30).toMillis(), TimeUnit.MILLISECONDS);
            double seconds = (System.nanoTime() - start) / 1e9;
            progress.say(String.format(Locale.ROOT, "done in %.1f s", seconds));
            return ScenarioOutcome.succeeded(scenario.name(), figures, seconds);
        } catch (ExecutionException e) {
            return failed(scenario, progress, e.getCause(), start);
        } catch (TimeoutException e) {
            task.cancel(true);
            return failed(scenario, progress, new TimeoutException("did not finish within " + context.scenarioLimit()), start);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failed(scenario, progress, e, start);
        }
    }

    private static ScenarioOutcome failed(Scenario scenario, ProgressLine.Task progress, Throwable error, long start) {
        ScenarioOutcome outcome = ScenarioOutcome.failed(scenario.name(), error, (System.nanoTime() - start) / 1e9);
        progress.say("FAILED: " + outcome.errorLine());
        error.printStackTrace();
        return outcome;
    }

    private void writeMarkdown(ResultTable table, String machine, String runLine, String usage) throws IOException {
        String md = "# Sitewatch benchmark\n\n"
                + "- machine: " + machine + "\n"
                + "- run: " + runLine + "\n"
                + "- usage: " + usage + "\n"
                + "- Kafka's clients are warmed up before the first figure; Sitewatch's figures are of its first (cold) pass.\n\n"
                + table.toMarkdown();
        Path parent = out.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(out, md, StandardCharsets.UTF_8);
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            System.err.println("could not delete " + dir + ": " + e);
        }
    }
}
