package org.sitewatch.audit.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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
