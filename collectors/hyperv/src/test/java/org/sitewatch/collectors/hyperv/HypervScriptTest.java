package org.sitewatch.collectors.hyperv;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The snapshot script and its reader agree: every property the reader reads is one the script
 * writes; the script stays within Windows PowerShell 5.1's language and a command line's length.
 */
class HypervScriptTest {

    private static final String SCRIPT = HypervScript.text();

    @Test
    void shouldWriteEveryPropertyTheReaderReads() throws IOException {
        Path reader = Path.of("src/main/java/org/sitewatch/collectors/hyperv/HypervReportReader.java");
        Matcher fields = Pattern.compile("\\(item, \"([A-Za-z]+)\"\\)|item\\.get\\(\"([A-Za-z]+)\"\\)")
                .matcher(Files.readString(reader));
        int checked = 0;
        while (fields.find()) {
            String field = fields.group(1) != null ? fields.group(1) : fields.group(2);
            assertThat(SCRIPT).as("the script writes %s", field).containsPattern("\\b" + field + " = ");
            checked++;
        }
        assertThat(checked).isGreaterThan(40);
        Stream.of("replicationErrorSimple", "replicationHealthError", "computerName", "collectedAt", "clustering")
                .forEach(key -> assertThat(SCRIPT).contains(key.startsWith("replicationError")
                        ? "replicationError$relationship" : key));
    }

    @Test
    void shouldConvertEveryEnumToItsName() {
        Stream.of("State", "ReplicationState", "ReplicationHealth", "ReplicationMode", "ReplicationRelationshipType",
                "StatusInformation", "DrainStatus", "GroupType", "QuorumType").forEach(enumProperty ->
                assertThat(SCRIPT).as(enumProperty).contains(enumProperty + " = Text $"));
    }

    @Test
    void shouldStayWithinWindowsPowerShell51() {
        assertThat(SCRIPT).doesNotContain("-EnumsAsStrings", "-AsArray", "??", " ? ").contains("-Depth 6");
    }

    @Test
    void shouldFitOnACommandLine() {
        // UTF-16LE then base64: 8/3 characters per script character, under CreateProcess's 32,767.
        assertThat(SCRIPT.length() * 8 / 3 + 64).isLessThan(32_000);
    }
}
