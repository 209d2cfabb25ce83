package org.sitewatch.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.sitewatch.broker.FreePorts;
import picocli.CommandLine;

/**
 * Every {@code ./sitewatch ...} and {@code java -jar app/target/sitewatch.jar ...} command in the
 * README's code blocks, as a new user would type it: each one parses (options, values and Spring
 * properties), and the ones that finish at once run and answer as documented.
 */
class ReadmeCommandsTest {

    private static final Path README = Path.of("..", "README.md");
    private static final Pattern COMMAND = Pattern.compile(
            "^(?:\\$ )?(?:[A-Z_]+=\\S+ )*(?:\\./sitewatch|java -jar app/target/sitewatch\\.jar)((?: .*)?)$");

    /** One documented command: its line in the README and the arguments after the program. */
    record Documented(int line, String text, List<String> args) {
    }

    @Test
    void shouldFindTheCommandsTheReadmeDocuments() throws IOException {
        List<String> commands = documented().stream().map(Documented::text).toList();

        assertThat(commands).hasSizeGreaterThanOrEqualTo(8)
                .anyMatch(c -> c.contains("run --sitewatch.alerting.alertmanager.urls=http://127.0.0.1:9093"))
                .anyMatch(c -> c.contains(" collectors "))
                .anyMatch(c -> c.contains(" streams "))
                .anyMatch(c -> c.contains(" replay "))
                .anyMatch(c -> c.contains(" state "))
                .anyMatch(c -> c.contains(" verify "));
    }

    @TestFactory
    Stream<DynamicTest> shouldParseEveryDocumentedCommandAsWritten() throws IOException {
        return documented().stream().map(d -> dynamicTest("README.md:" + d.line() + "  " + d.text(), () -> {
            CommandLine.ParseResult parsed = SitewatchCli.commandLine().parseArgs(d.args().toArray(String[]::new));
            // Spring properties are checked when parsed, as the command would before starting anything.
            springArguments(parsed).ifPresent(spring -> spring.properties(unmatched(parsed)));
        }));
    }

    @Test
    void shouldHandTheAlertmanagerPropertyOfTheReadmeToSpring() throws IOException {
        Documented alerting = documented().stream()
                .filter(d -> d.text().contains("--sitewatch.alerting.alertmanager.urls")).findFirst().orElseThrow();

        CommandLine.ParseResult parsed = SitewatchCli.commandLine().parseArgs(alerting.args().toArray(String[]::new));

        assertThat(springArguments(parsed).orElseThrow().properties(unmatched(parsed)))
                .containsEntry("sitewatch.alerting.alertmanager.urls", "http://127.0.0.1:9093");
    }

    @Test
    void shouldRefuseAMistypedOptionNamingIt() {
        Output output = Output.capture();
        try {
            assertThat(SitewatchCli.execute("run", "--prot", "8080", "--data-dir", "target/never-used")).isEqualTo(1);
        } finally {
            output.restore();
        }
        assertThat(output.err()).contains("'--prot'").contains("--name=value");
    }

    @TestFactory
    Stream<DynamicTest> shouldShowHelpForEveryDocumentedSubcommand() throws IOException {
        return documented().stream().map(d -> d.args().get(0)).distinct().map(sub -> dynamicTest(sub + " --help", () -> {
            Output output = Output.capture();
            try {
                assertThat(SitewatchCli.execute(sub, "--help")).isZero();
            } finally {
                output.restore();
            }
            assertThat(output.out()).contains("Usage: sitewatch " + sub);
        }));
    }

    @Test
    void shouldSayClearlyThatNoKafkaAnswersForTheDocumentedAuditCommands() throws IOException {
        int closedPort = FreePorts.loopback();
        List<Documented> audit = documented().stream()
                .filter(d -> List.of("replay", "state", "retention").contains(d.args().get(0)))
                .filter(d -> !d.args().contains("-o")) // writes nothing
                .toList();
        assertThat(audit).isNotEmpty();
        for (Documented d : audit) {
            List<String> args = new ArrayList<>(d.args());
            args.addAll(List.of("--kafka-bootstrap-servers", "127.0.0.1:" + closedPort, "--timeout", "2s"));
            Output output = Output.capture();
            int exit;
            try {
                exit = SitewatchCli.execute(args.toArray(String[]::new));
            } finally {
                output.restore();
            }
            assertThat(exit).as(d.text()).isNotZero();
            assertThat(output.err()).as(d.text()).contains("no Kafka broker answered at 127.0.0.1:" + closedPort)
                    .contains("--kafka-bootstrap-servers");
        }
    }

    @Test
    void shouldNameTheMissingConfigFileOfTheDocumentedCollectorsCommand() throws IOException {
        Documented collectors = documented().stream().filter(d -> d.args().get(0).equals("collectors")
                && d.args().contains("--config")).findFirst().orElseThrow();
        String config = collectors.args().get(collectors.args().indexOf("--config") + 1);
        Output output = Output.capture();
        try {
            assertThat(SitewatchCli.execute(collectors.args().toArray(String[]::new))).isEqualTo(1);
        } finally {
            output.restore();
        }
        assertThat(output.err()).contains("--config " + config + ": no such readable file");
    }

    static List<Documented> documented() throws IOException {
        List<String> lines = Files.readAllLines(README, StandardCharsets.UTF_8);
        List<Documented> found = new ArrayList<>();
        boolean inBlock = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.startsWith("```")) {
                inBlock = !inBlock;
                continue;
            }
            Matcher m = COMMAND.matcher(line);
            if (inBlock && m.matches()) {
                String text = withoutComment(line);
                List<String> args = words(withoutComment(m.group(1)));
                if (!args.isEmpty()) {
                    found.add(new Documented(i + 1, text, args));
                }
            }
        }
        return found;
    }

    private static Optional<SpringArguments> springArguments(CommandLine.ParseResult parsed) {
        if (!parsed.hasSubcommand()) {
            return Optional.empty();
        }
        Object command = parsed.subcommand().commandSpec().userObject();
        if (command instanceof RunCommand run) {
            return Optional.of(run.spring);
        }
        if (command instanceof CollectorsCommand collectors) {
            return Optional.of(collectors.launcher.spring);
        }
        if (command instanceof StreamsCommand streams) {
            return Optional.of(streams.launcher.spring);
        }
        return Optional.empty();
    }

    private static List<String> unmatched(CommandLine.ParseResult parsed) {
        return parsed.subcommand().commandSpec().commandLine().getUnmatchedArguments();
    }

    /** A shell comment starts at " #" outside quotes; README lines never quote a '#'. */
    private static String withoutComment(String line) {
        int hash = line.indexOf(" #");
        return (hash < 0 ? line : line.substring(0, hash)).strip();
    }

    /** Splits like a POSIX shell does for the simple quoting the README uses. */
    private static List<String> words(String s) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        char quote = 0;
        for (char c : s.toCharArray()) {
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    word.append(c);
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }

    /** System.out and System.err captured while a command runs. */
    private static final class Output {
        private final PrintStream savedOut = System.out;
        private final PrintStream savedErr = System.err;
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private final ByteArrayOutputStream err = new ByteArrayOutputStream();

        static Output capture() {
            Output o = new Output();
            System.setOut(new PrintStream(o.out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(o.err, true, StandardCharsets.UTF_8));
            return o;
        }

        void restore() {
            System.setOut(savedOut);
            System.setErr(savedErr);
        }

        String out() {
            return out.toString(StandardCharsets.UTF_8);
        }

        String err() {
            return err.toString(StandardCharsets.UTF_8);
        }
    }
}
