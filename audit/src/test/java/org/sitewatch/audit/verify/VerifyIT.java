package org.sitewatch.audit.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sitewatch.testsupport.TestEvents.LONDON;
import static org.sitewatch.testsupport.TestEvents.PARIS;
import static org.sitewatch.testsupport.TestEvents.at;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sitewatch.audit.support.Cli;
import org.sitewatch.events.HaActionKind;
import org.sitewatch.events.HaHostState;
import org.sitewatch.events.Json;
import org.sitewatch.events.PowerState;
import org.sitewatch.events.SitewatchEvent;
import org.sitewatch.testsupport.TestEvents;
import org.sitewatch.testsupport.TestKafka;

/**
 * Exports a site's day in each format through the command line, verifies them, and shows that
 * verify rejects a changed, a removed and a reordered record with a message that names it, as well
 * as an altered manifest and an altered state export.
 */
class VerifyIT {

    private static final Instant DAY = Instant.parse("2026-03-01T00:00:00Z");

    @TempDir
    static Path dataDir;

    @TempDir
    Path dir;

    private static TestKafka kafka;

    @BeforeAll
    static void start() {
        kafka = TestKafka.start(dataDir);
        List<SitewatchEvent> day = new ArrayList<>();
        for (int h = 0; h < 24; h++) {
            Instant t = DAY.plusSeconds(3600L * h);
            day.add(at(t, TestEvents.heartbeat(PARIS, 3600)));
            day.add(at(t, TestEvents.heartbeat(LONDON, 3600)));
            day.add(at(t.plusSeconds(60), h >= 9 && h < 11 ? TestEvents.failed(PARIS, "102-0", LONDON, 900, DAY.plusSeconds(9 * 3600))
                    : TestEvents.replicating(PARIS, "102-0", LONDON, 900, t)));
        }
        day.add(at(DAY.plusSeconds(14 * 3600), TestEvents.host(PARIS, "pve2", HaHostState.FAILED)));
        day.add(at(DAY.plusSeconds(14 * 3600 + 30), TestEvents.action(PARIS, "ha-1", "100", HaActionKind.RECOVERY, "pve2", "pve1")));
        day.add(at(DAY.plusSeconds(14 * 3600 + 60), TestEvents.vm(PARIS, "100", PowerState.RUNNING)));
        day.add(at(DAY.plusSeconds(15 * 3600), TestEvents.host(PARIS, "pve2", HaHostState.HEALTHY)));
        day.sort((a, b) -> a.time().compareTo(b.time()));
        kafka.publish(day);
    }

    @AfterAll
    static void stop() {
        kafka.close();
    }

    private Path export(String name, String... extra) {
        Path file = dir.resolve(name);
        List<String> args = new ArrayList<>(List.of("replay", "--from", "2026-03-01", "--to", "2026-03-02", "--site", PARIS,
                "-o", file.toString(), "--kafka-bootstrap-servers", kafka.bootstrapServers()));
        args.addAll(List.of(extra));
        Cli.Run run = Cli.run(args.toArray(String[]::new));
        assertThat(run.exitCode()).as(run.err()).isZero();
        return file;
    }

    private static Cli.Run verify(Path file) {
        return Cli.run("verify", file.toString(), "--kafka-bootstrap-servers", kafka.bootstrapServers());
    }

    /** A copy of an export with its manifest beside it, for tampering. */
    private Path copy(Path export, String name) throws Exception {
        Path target = dir.resolve(name);
        Files.copy(export, target);
        Files.writeString(target.resolveSibling(name + ".manifest.json"),
                Files.readString(export.resolveSibling(export.getFileName() + ".manifest.json")));
        return target;
    }

    @Test
    void shouldVerifyUntouchedExportsInEveryFormat() throws Exception {
        for (String format : List.of("jsonl", "csv", "timeline")) {
            Path file = export("day." + format, "--format", format);
            Cli.Run run = verify(file);
            assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
            assertThat(run.out()).contains("ok    file SHA-256 matches the manifest")
                    .contains("ok    hash chain over 52 records re-read from Kafka matches the manifest")
                    .contains("VERIFIED: the export is complete and unaltered");
        }
        JsonNode manifest = Json.MAPPER.readTree(dir.resolve("day.jsonl.manifest.json").toFile());
        assertThat(manifest.path("records").asLong()).isEqualTo(52);
        assertThat(manifest.path("from").asText()).isEqualTo("2026-03-01T00:00:00Z");
        assertThat(manifest.path("filters").path("sites").toString()).isEqualTo("[\"paris-dc1\"]");
        assertThat(manifest.path("file").path("sha256").asText()).hasSize(64);
        assertThat(manifest.path("partitions")).hasSize(24);
        assertThat(manifest.path("hashChain").path("definition").asText()).startsWith("h0 = SHA-256(empty)");
    }

    @Test
    void shouldRejectAChangedRecordAndSayWhichFieldChanged() throws Exception {
        Path file = copy(export("changed.jsonl"), "changed-t.jsonl");
        List<String> lines = new ArrayList<>(Files.readAllLines(file));
        int index = indexOf(lines, "\"state\":\"FAILED\"");
        lines.set(index, lines.get(index).replace("\"state\":\"FAILED\"", "\"state\":\"REPLICATING\""));
        Files.write(file, lines);

        Cli.Run run = verify(file);

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("FAIL  the file's SHA-256")
                .containsPattern("FAIL  line " + (index + 1) + " changed: record sitewatch\\.replication/\\d@\\d+: "
                        + "data\\.state: file \"REPLICATING\", Kafka \"FAILED\"")
                .contains("NOT VERIFIED: 2 problems");
    }

    @Test
    void shouldRejectARemovedRecordAndNameIt() throws Exception {
        Path file = copy(export("removed.jsonl"), "removed-t.jsonl");
        List<String> lines = new ArrayList<>(Files.readAllLines(file));
        String removed = lines.remove(7);
        Files.write(file, lines);
        String coordinates = coordinates(removed);

        Cli.Run run = verify(file);

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("FAIL  record " + coordinates + " is missing: expected as line 8")
                .contains("NOT VERIFIED: 2 problems");
    }

    @Test
    void shouldRejectAReorderedRecordAndNameIt() throws Exception {
        Path file = copy(export("reordered.jsonl"), "reordered-t.jsonl");
        List<String> lines = new ArrayList<>(Files.readAllLines(file));
        Collections.swap(lines, 3, 4);
        Files.write(file, lines);

        Cli.Run run = verify(file);

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("FAIL  line 5 is out of order: record " + coordinates(lines.get(4))
                + " belongs before line 4 (record " + coordinates(lines.get(3)) + ")");
    }

    @Test
    void shouldRejectAChangedCsvRowAndNameTheColumn() throws Exception {
        Path file = copy(export("day-t.csv", "--format", "csv"), "changed-t.csv");
        String csv = Files.readString(file);
        Files.writeString(file, csv.replaceFirst("FAILED/CRITICAL", "REPLICATING/OK"));

        Cli.Run run = verify(file);

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).containsPattern("FAIL  row \\d+ changed: record sitewatch\\.replication/\\d@\\d+: "
                + "state: file 'REPLICATING/OK', Kafka 'FAILED/CRITICAL'");
    }

    @Test
    void shouldRejectAManifestWhoseCountAndChainWereEditedToMatchATruncatedFile() throws Exception {
        Path file = copy(export("short.jsonl"), "short-t.jsonl");
        List<String> lines = new ArrayList<>(Files.readAllLines(file));
        lines.remove(lines.size() - 1);
        Files.write(file, lines);
        Path manifestFile = file.resolveSibling("short-t.jsonl.manifest.json");
        ObjectNode manifest = (ObjectNode) Json.MAPPER.readTree(manifestFile.toFile());
        manifest.put("records", 51);
        ((ObjectNode) manifest.path("file")).put("sha256", org.sitewatch.audit.verify.Verifier.sha256(file));
        Files.write(manifestFile, Json.MAPPER.writeValueAsBytes(manifest));

        Cli.Run run = verify(file);

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("ok    file SHA-256 matches the manifest")
                .contains("FAIL  the manifest's hash chain (51 records")
                .containsPattern("FAIL  record sitewatch\\.\\S+ is missing: expected as line 52 \\(the file ends at line 51\\)");
    }

    @Test
    void shouldVerifyAStateExportAndRejectAnAlteredOne() throws Exception {
        Path file = dir.resolve("state.json");
        Cli.Run state = Cli.run("state", "--at", "2026-03-01T10:00:00Z", "-o", file.toString(),
                "--kafka-bootstrap-servers", kafka.bootstrapServers());
        assertThat(state.exitCode()).as(state.err()).isZero();
        JsonNode views = Json.MAPPER.readTree(file.toFile());
        assertThat(views.path("sites").path("sites").get(1).path("site").asText()).isEqualTo(PARIS);
        assertThat(views.path("sites").path("sites").get(1).path("status").asText()).isEqualTo("CRITICAL");
        assertThat(verify(file).out()).contains("ok    the views re-built from Kafka are identical to the file").contains("VERIFIED");

        Files.writeString(file, Files.readString(file).replaceFirst("\"status\" : \"CRITICAL\"", "\"status\" : \"OK\""));
        Cli.Run run = verify(file);
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("FAIL  the file differs from the views re-built from Kafka: sites.sites[1].status: file \"OK\", Kafka \"CRITICAL\"");
    }

    @Test
    void shouldWriteJsonLinesToStdoutWithoutAManifest() {
        Cli.Run run = Cli.run("replay", "--from", "2026-03-01T14:00:00Z", "--to", "2026-03-01T15:00:00Z", "--site", PARIS,
                "--type", "ha.host,ha.action", "--progress", "never", "--kafka-bootstrap-servers", kafka.bootstrapServers());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out().lines()).hasSize(2).allSatisfy(l -> assertThat(l).startsWith("{\"id\":"));
        assertThat(run.err()).contains("replayed 2 events").doesNotContain("manifest:");
    }

    private static int indexOf(List<String> lines, String needle) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(needle)) {
                return i;
            }
        }
        throw new AssertionError("no line with " + needle);
    }

    private static String coordinates(String line) throws Exception {
        JsonNode k = Json.MAPPER.readTree(line.getBytes(StandardCharsets.UTF_8)).path("kafka");
        return k.path("topic").asText() + "/" + k.path("partition").asInt() + "@" + k.path("offset").asLong();
    }
}
