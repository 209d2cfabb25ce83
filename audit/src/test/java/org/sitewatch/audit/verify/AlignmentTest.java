package org.sitewatch.audit.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class AlignmentTest {

    private static ExpectedIndex expected(String... keys) {
        ExpectedIndex index = new ExpectedIndex();
        for (int i = 0; i < keys.length; i++) {
            index.add(new Unit(i + 1, keys[i], "text of " + keys[i]));
        }
        return index;
    }

    private static List<String> compare(ExpectedIndex expected, Unit... actual) {
        Alignment a = new Alignment(expected, "line");
        for (Unit u : actual) {
            a.accept(u);
        }
        a.finish();
        return a.problems().stream().map(Alignment.Problem::message).toList();
    }

    private static Unit unit(long n, String key) {
        return new Unit(n, key, "text of " + key);
    }

    @Test
    void shouldFindNothingWhenEveryUnitIsThereInOrder() {
        assertThat(compare(expected("a/0@1", "a/0@2"), unit(1, "a/0@1"), unit(2, "a/0@2"))).isEmpty();
    }

    @Test
    void shouldNameAChangedUnit() {
        assertThat(compare(expected("a/0@1", "a/0@2"), unit(1, "a/0@1"), new Unit(2, "a/0@2", "edited")))
                .containsExactly("line 2 changed: record a/0@2");
    }

    @Test
    void shouldNameAMissingUnitOnceAndNotTheOnesAfterIt() {
        assertThat(compare(expected("a/0@1", "a/0@2", "a/0@3"), unit(1, "a/0@1"), unit(2, "a/0@3")))
                .containsExactly("record a/0@2 is missing: expected as line 2");
    }

    @Test
    void shouldNameASwappedUnitAsOutOfOrder() {
        assertThat(compare(expected("a/0@1", "a/0@2", "a/0@3"), unit(1, "a/0@1"), unit(2, "a/0@3"), unit(3, "a/0@2")))
                .containsExactly("line 3 is out of order: record a/0@2 belongs before line 2 (record a/0@3)");
    }

    @Test
    void shouldNameAddedRepeatedAndUnreadableUnits() {
        assertThat(compare(expected("a/0@1"), unit(1, "a/0@1"), unit(2, "a/0@1"), unit(3, "b/1@9"), new Unit(4, null, "junk")))
                .containsExactly("line 2 repeats record a/0@1 (first at line 1)",
                        "line 3 holds record b/1@9, which is not among Kafka's records for this export's range and filters (added)",
                        "line 4 is not a record of this export: 'junk'");
    }

    @Test
    void shouldReadCsvRecordsWhoseQuotedFieldsSpanLines() {
        String csv = "h1,h2\r\n\"a,1\",\"two\nlines\"\r\nplain,\"say \"\"hi\"\"\"\r\n";
        UnitReader reader = new UnitReader(new java.io.BufferedReader(new java.io.StringReader(csv)),
                org.sitewatch.audit.export.ExportFormat.CSV);
        assertThat(reader.next().key()).isEqualTo(Unit.HEADER);
        Unit first = reader.next();
        assertThat(first.text()).isEqualTo("\"a,1\",\"two\nlines\"");
        assertThat(UnitReader.csvFields(first.text())).containsExactly("a,1", "two\nlines");
        assertThat(UnitReader.csvFields(reader.next().text())).containsExactly("plain", "say \"hi\"");
        assertThat(reader.hasNext()).isFalse();
    }

    @Test
    void shouldDescribeChangedJsonByPath() {
        assertThat(TextDiff.json("{\"data\":{\"state\":\"FAILED\",\"n\":1}}", "{\"data\":{\"state\":\"REPLICATING\",\"n\":1}}"))
                .isEqualTo("data.state: file \"REPLICATING\", Kafka \"FAILED\"");
    }
}
