package org.sitewatch.audit.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sitewatch.audit.AuditException;
import org.sitewatch.events.PowerState;
import org.sitewatch.events.SitewatchEvent;
import org.sitewatch.testsupport.TestEvents;

class TimeMergeTest {

    private static final Instant T = Instant.parse("2026-11-27T10:00:00Z");

    @TempDir
    Path temp;

    private static AuditRecord record(String topic, int partition, long offset, Instant time) {
        SitewatchEvent e = TestEvents.at(time, TestEvents.vm("paris-dc1", "100", PowerState.RUNNING));
        return AuditRecord.of(topic, partition, offset, e, null);
    }

    private static List<String> drain(Iterator<AuditRecord> it) {
        List<String> out = new ArrayList<>();
        it.forEachRemaining(r -> out.add(r.time().getEpochSecond() - T.getEpochSecond() + ":" + r.coordinates()));
        return out;
    }

    @Test
    void shouldPutALateEventBackInEventTimeOrderAndBreakTiesByTopicPartitionOffset() {
        try (TimeMerge merge = new TimeMerge(100, temp)) {
            merge.add(record("sitewatch.vm", 1, 10, T.plusSeconds(20)));
            merge.add(record("sitewatch.vm", 1, 11, T.plusSeconds(5)));   // arrived late
            merge.add(record("sitewatch.ha", 0, 7, T.plusSeconds(20)));
            merge.add(record("sitewatch.vm", 0, 3, T.plusSeconds(20)));
            assertThat(drain(merge.sorted())).containsExactly("5:sitewatch.vm/1@11", "20:sitewatch.ha/0@7",
                    "20:sitewatch.vm/0@3", "20:sitewatch.vm/1@10");
            assertThat(merge.spilledRuns()).isZero();
        }
    }

    @Test
    void shouldGiveTheSameOrderWhenItSpillsSortedRunsToDisk() {
        Random random = new Random(42);
        List<AuditRecord> records = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            records.add(record("sitewatch.vm", i % 6, i, T.plusMillis(random.nextInt(50_000))));
        }
        List<String> inMemory;
        try (TimeMerge merge = new TimeMerge(10_000, temp)) {
            records.forEach(merge::add);
            inMemory = drain(merge.sorted());
        }
        try (TimeMerge merge = new TimeMerge(64, temp)) {
            records.forEach(merge::add);
            assertThat(merge.spilledRuns()).isEqualTo(15);
            assertThat(drain(merge.sorted())).isEqualTo(inMemory).hasSize(1000);
        }
        try (var files = list(temp)) {
            assertThat(files).as("spilled runs are deleted on close").isEmpty();
        }
    }

    @Test
    void shouldFailWithTheSettingWhenSpillingWouldPassTheBudgetAndDeleteWhatItSpilled() throws Exception {
        List<AuditRecord> records = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            records.add(record("sitewatch.vm", 0, i, T.plusMillis(i)));
        }
        long threeRuns = SpillRun.sizeOf(records.subList(0, 300));
        SpillBudget budget = new SpillBudget(threeRuns + 10, "sitewatch.audit.max-spill-size");
        TimeMerge merge = new TimeMerge(100, temp, budget);
        assertThatThrownBy(() -> records.forEach(merge::add))
                .isInstanceOfSatisfying(AuditException.class, e -> assertThat(e.kind()).isEqualTo(AuditException.Kind.SPILL_LIMIT))
                .hasMessageContaining("sitewatch.audit.max-spill-size");
        assertThat(merge.spilledRuns()).as("three runs fit, the fourth was not written").isEqualTo(3);
        try (var files = list(temp)) {
            assertThat(files.mapToLong(TimeMergeTest::size).sum()).as("the budget counts the bytes on disk")
                    .isEqualTo(budget.used()).isEqualTo(threeRuns);
        }
        merge.close();
        try (var files = list(temp)) {
            assertThat(files).as("its runs are deleted").isEmpty();
        }
        assertThat(budget.used()).as("and their disk given back").isZero();
    }

    @Test
    void shouldShareOneSpillBudgetBetweenConcurrentMerges() {
        List<AuditRecord> records = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            records.add(record("sitewatch.vm", 0, i, T.plusMillis(i)));
        }
        SpillBudget budget = new SpillBudget(SpillRun.sizeOf(records), "sitewatch.audit.max-spill-size");
        try (TimeMerge first = new TimeMerge(100, temp, budget); TimeMerge second = new TimeMerge(100, temp, budget)) {
            records.forEach(first::add);
            assertThatThrownBy(() -> records.subList(0, 100).forEach(second::add)).isInstanceOf(AuditException.class);
            first.close();
            records.subList(0, 100).forEach(second::add);
            assertThat(second.spilledRuns()).isEqualTo(1);
        }
        assertThat(budget.used()).isZero();
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void shouldKeepTheCanonicalBytesThroughASpill() {
        AuditRecord r = record("sitewatch.vm", 2, 9, T);
        try (TimeMerge merge = new TimeMerge(1, temp)) {
            merge.add(r);
            merge.add(record("sitewatch.vm", 2, 10, T.plusSeconds(1)));
            AuditRecord back = merge.sorted().next();
            assertThat(back.canonical()).isEqualTo(r.canonical());
            assertThat(back.event()).isEqualTo(r.event());
        }
    }

    private static java.util.stream.Stream<Path> list(Path dir) {
        try {
            return Files.list(dir);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
