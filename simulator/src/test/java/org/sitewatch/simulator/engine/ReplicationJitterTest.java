package org.sitewatch.simulator.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sitewatch.simulator.ReplicationJobSpec;

/**
 * {@code syncJitter} on a replication link: attempts start within ±jitter × interval of their slot,
 * spread over that whole range, the same way on every run of the same cluster and job, and without
 * drift (the mean interval stays the configured one). The links are driven directly, second by
 * second, with a healthy source and target.
 */
class ReplicationJitterTest {

    /** 2026-12-01T00:00:10Z: 10 s after a slot of a 60 s schedule. */
    private static final Instant START = Instant.parse("2026-12-01T00:00:10Z");
    private static final int INTERVAL = 60;
    private static final int ATTEMPTS = 1000;

    private static final ReplicationLinkState.Environment HEALTHY = new ReplicationLinkState.Environment() {
        @Override
        public String guestNode(int vmid) {
            return "esx-1";
        }

        @Override
        public boolean isOnline(String node) {
            return true;
        }
    };

    private static ReplicationJobSpec job(double jitter) {
        return new ReplicationJobSpec("100-0", 100, 0, "esx-2", null, INTERVAL, Duration.ofSeconds(2), jitter, 1,
                null, null, false, "vsphere-replication");
    }

    /** Start times (epoch millis) of the first {@code count} attempts after START. */
    private static List<Long> attemptStarts(ReplicationLinkState link, int count) {
        List<Long> starts = new ArrayList<>();
        long seen = link.attemptStartMillis();
        // Ticks of 1 s are shorter than a sync, so each attempt is seen while it runs or right after.
        for (Instant t = START; starts.size() < count; t = t.plusSeconds(1)) {
            link.advanceTo(t, HEALTHY);
            if (link.attemptStartMillis() != seen) {
                seen = link.attemptStartMillis();
                starts.add(seen);
            }
        }
        return starts;
    }

    /** The offset of each start from its slot, the nearest multiple of the interval. */
    private static List<Long> offsetsFromSlots(List<Long> starts) {
        long intervalMs = INTERVAL * 1000L;
        return starts.stream().map(s -> s - Math.round((double) s / intervalMs) * intervalMs).toList();
    }

    @Test
    void attemptsStartWithinTheJitterOfTheirSlotAndSpreadOverIt() {
        List<Long> offsets = offsetsFromSlots(attemptStarts(new ReplicationLinkState(job(0.10), "vc-a", START), ATTEMPTS));

        long max = 6_000;   // 10 % of 60 s
        assertThat(offsets).allSatisfy(o -> assertThat(o).isBetween(-max, max));
        assertThat(offsets.stream().mapToLong(Long::longValue).min().orElseThrow()).isLessThan(-max * 9 / 10);
        assertThat(offsets.stream().mapToLong(Long::longValue).max().orElseThrow()).isGreaterThan(max * 9 / 10);
        // Uniform: each quarter of the range holds about a quarter of the attempts (250 ± 60 of 1000).
        for (int q = 0; q < 4; q++) {
            long from = -max + q * max / 2;
            long to = from + max / 2;
            assertThat(offsets.stream().filter(o -> o >= from && o < to).count()).as("quarter %d", q).isBetween(190L, 310L);
        }
        assertThat(offsets.stream().mapToLong(Long::longValue).average().orElseThrow()).isBetween(-600.0, 600.0);
    }

    @Test
    void theMeanIntervalStaysTheConfiguredOneAndEachSlotHasOneAttempt() {
        List<Long> starts = attemptStarts(new ReplicationLinkState(job(0.50), "vc-a", START), ATTEMPTS);

        List<Long> slots = starts.stream().map(s -> Math.round(s / 60_000.0)).toList();
        assertThat(slots).as("one attempt per slot, none skipped or repeated")
                .isEqualTo(java.util.stream.LongStream.range(slots.get(0), slots.get(0) + ATTEMPTS).boxed().toList());
        for (int i = 1; i < starts.size(); i++) {
            long gap = starts.get(i) - starts.get(i - 1);
            // ±50 %: gaps between 0 and twice the interval, never negative (attempts keep their order).
            assertThat(gap).isBetween(2_000L, 120_000L);
        }
        double meanGap = (starts.get(ATTEMPTS - 1) - starts.get(0)) / (double) (ATTEMPTS - 1);
        assertThat(meanGap).as("mean interval, ms").isBetween(59_940.0, 60_060.0);
    }

    @Test
    void theSameClusterAndJobDrawTheSameJitterOnEveryRunAndAnotherClusterDrawsOther() {
        List<Long> first = attemptStarts(new ReplicationLinkState(job(0.10), "vc-a", START), 50);
        List<Long> again = attemptStarts(new ReplicationLinkState(job(0.10), "vc-a", START), 50);
        List<Long> other = attemptStarts(new ReplicationLinkState(job(0.10), "vc-b", START), 50);

        assertThat(again).isEqualTo(first);
        assertThat(other).isNotEqualTo(first);
    }

    @Test
    void readingTheNextSyncDoesNotChangeTheDraws() {
        ReplicationLinkState read = new ReplicationLinkState(job(0.10), "vc-a", START);
        List<Long> starts = new ArrayList<>();
        long seen = read.attemptStartMillis();
        for (Instant t = START; starts.size() < 20; t = t.plusSeconds(1)) {
            read.advanceTo(t, HEALTHY);
            long next = read.nextSync(HEALTHY);
            assertThat(next).isGreaterThanOrEqualTo(t.getEpochSecond() - 1);
            if (read.attemptStartMillis() != seen) {
                seen = read.attemptStartMillis();
                starts.add(seen);
            }
        }
        assertThat(starts).isEqualTo(attemptStarts(new ReplicationLinkState(job(0.10), "vc-a", START), 20));
    }

    @Test
    void withoutJitterAttemptsStartOnTheirSlots() {
        List<Long> starts = attemptStarts(new ReplicationLinkState(job(0), "vc-a", START), 5);

        long firstSlot = (START.getEpochSecond() / INTERVAL + 1) * INTERVAL * 1000;
        assertThat(starts).containsExactly(firstSlot, firstSlot + 60_000, firstSlot + 120_000, firstSlot + 180_000,
                firstSlot + 240_000);
    }
}
