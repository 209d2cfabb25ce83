package org.sitewatch.core.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class SortedLagIndexTest {

    private static final Instant T0 = Instant.parse("2025-01-07T10:00:00Z");
    private final SortedLagIndex index = new SortedLagIndex();

    @Test
    void shouldGiveTheExactWorstAndP95LagOfOneOwnerOnly() {
        // 20 items with recovery points 1..20 minutes old: p95 by nearest rank is the 19th smallest lag.
        for (int i = 1; i <= 20; i++) {
            index.add("paris-dc1", IndexKeys.RECOVERY, T0.minusSeconds(60L * i), "replication/paris-dc1/" + i);
        }
        // An owner whose name extends the first one's must not leak into it.
        index.add("paris-dc10", IndexKeys.RECOVERY, T0.minusSeconds(99_999), "replication/paris-dc10/1");

        assertThat(LagIndex.worstLagSeconds(index, "paris-dc1", T0)).isEqualTo(20 * 60);
        assertThat(LagIndex.p95LagSeconds(index, "paris-dc1", 20, T0)).isEqualTo(19 * 60);
        assertThat(LagIndex.worstLagSeconds(index, "london-dr", T0)).isNull();
    }

    @Test
    void shouldGiveTheOldestAndNewestOfAFamilyAndIgnoreMissingInstants() {
        index.add("a->b", IndexKeys.TEST, T0.minusSeconds(300), "replication/a/1");
        index.add("a->b", IndexKeys.TEST, T0.minusSeconds(100), "replication/a/2");
        index.add("a->b", IndexKeys.TEST, null, "replication/a/3");
        index.add("a->b", IndexKeys.RECOVERY, T0, "replication/a/1");

        assertThat(LagIndex.oldest(index, "a->b", IndexKeys.TEST)).isEqualTo(T0.minusSeconds(300));
        assertThat(LagIndex.newest(index, "a->b", IndexKeys.TEST)).isEqualTo(T0.minusSeconds(100));
        assertThat(LagIndex.newest(index, "a->c", IndexKeys.TEST)).isNull();
    }
}
