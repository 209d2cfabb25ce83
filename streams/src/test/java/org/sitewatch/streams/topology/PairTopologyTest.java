package org.sitewatch.streams.topology;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sitewatch.core.fold.Counters;
import org.sitewatch.core.fold.PairAggregate;
import org.sitewatch.core.index.IndexKeys;
import org.sitewatch.core.index.LagIndex;
import org.sitewatch.events.ReplicationHealth;
import org.sitewatch.events.ReplicationState;
import org.sitewatch.streams.query.StoreLagIndex;
import org.sitewatch.streams.support.TopologyFixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.sitewatch.testsupport.TestEvents.LONDON;
import static org.sitewatch.testsupport.TestEvents.LYON;
import static org.sitewatch.testsupport.TestEvents.PARIS;
import static org.sitewatch.testsupport.TestEvents.T0;
import static org.sitewatch.testsupport.TestEvents.replicated;
import static org.sitewatch.testsupport.TestEvents.replicatedRemoved;

/** Per-site-pair aggregates and their lag index, in a TopologyTestDriver. Wall clock starts at T0. */
class PairTopologyTest {

    private static final String PARIS_LONDON = PARIS + "->" + LONDON;
    private static final String PARIS_LYON = PARIS + "->" + LYON;

    @TempDir
    Path stateDir;

    private TopologyFixture fx;

    @BeforeEach
    void startDriver() {
        fx = new TopologyFixture(stateDir);
    }

    @AfterEach
    void closeDriver() {
        fx.close();
    }

    @Test
    void shouldCountItemsPerPairByStateFromEveryReportingSite() {
        Instant tested = T0.minus(Duration.ofDays(10));
        fx.pipe(replicated(PARIS, "100-0", PARIS, LONDON, ReplicationState.REPLICATING, ReplicationHealth.OK, 900L, T0.minusSeconds(60), tested), T0);
        fx.pipe(replicated(PARIS, "101-0", PARIS, LONDON, ReplicationState.FAILED, ReplicationHealth.CRITICAL, 900L, T0.minusSeconds(600), null), T0);
        fx.pipe(replicated(LONDON, "102-0", PARIS, LONDON, ReplicationState.PAUSED, ReplicationHealth.WARNING, 900L, T0.minusSeconds(30), null), T0);
        fx.pipe(replicated(PARIS, "103-0", PARIS, LYON, ReplicationState.FAILED_OVER, ReplicationHealth.OK, 900L, T0.minusSeconds(30), null), T0);

        PairAggregate london = pair(PARIS_LONDON);
        assertThat(london.source()).isEqualTo(PARIS);
        assertThat(london.target()).isEqualTo(LONDON);
        assertThat(london.count(Counters.REPLICATED)).isEqualTo(3);
        assertThat(london.count(Counters.replicationState(ReplicationState.FAILED))).isEqualTo(1);
        assertThat(london.count(Counters.replicationState(ReplicationState.PAUSED))).isEqualTo(1);
        assertThat(london.count(Counters.REPLICATION_RPO_CHECKED)).isEqualTo(3);
        assertThat(london.count(Counters.REPLICATION_NEVER_TESTED)).isEqualTo(2);
        assertThat(pair(PARIS_LYON).count(Counters.replicationState(ReplicationState.FAILED_OVER))).isEqualTo(1);
        assertThat(pair(PARIS_LYON).count(Counters.REPLICATION_LAG_TRACKED)).isZero();
    }

    @Test
    void shouldGiveExactWorstAndP95LagAndTestFailoversFromThePairIndex() {
        // 20 items with recovery points 1..20 minutes old: p95 by nearest rank is the 19th smallest lag.
        for (int i = 1; i <= 20; i++) {
            fx.pipe(replicated(PARIS, i + "-0", PARIS, LONDON, ReplicationState.REPLICATING, ReplicationHealth.OK, 7200L,
                    T0.minusSeconds(60L * i), T0.minus(Duration.ofDays(i))), T0);
        }
        StoreLagIndex index = new StoreLagIndex(fx.driver.getKeyValueStore(StoreNames.PAIR_INDEX));
        Instant now = T0.plusSeconds(60);

        assertThat(LagIndex.worstLagSeconds(index, PARIS_LONDON, now)).isEqualTo(20 * 60 + 60);
        assertThat(LagIndex.p95LagSeconds(index, PARIS_LONDON, pair(PARIS_LONDON).count(Counters.REPLICATION_LAG_TRACKED), now))
                .isEqualTo(19 * 60 + 60);
        assertThat(LagIndex.newest(index, PARIS_LONDON, IndexKeys.TEST)).isEqualTo(T0.minus(Duration.ofDays(1)));
        assertThat(LagIndex.oldest(index, PARIS_LONDON, IndexKeys.TEST)).isEqualTo(T0.minus(Duration.ofDays(20)));
        StoreLagIndex siteIndex = new StoreLagIndex(fx.driver.getKeyValueStore(StoreNames.SITE_LAG_INDEX));
        assertThat(LagIndex.worstLagSeconds(siteIndex, PARIS, now)).isEqualTo(20 * 60 + 60);
    }

    @Test
    void shouldMoveAnItemToItsNewPairAndForgetARemovedOne() {
        fx.pipe(replicated(PARIS, "100-0", PARIS, LONDON, ReplicationState.REPLICATING, ReplicationHealth.OK, 900L, T0, null), T0);
        fx.pipe(replicated(PARIS, "100-0", PARIS, LYON, ReplicationState.REPLICATING, ReplicationHealth.OK, 900L, T0.plusSeconds(5), null),
                T0.plusSeconds(5));

        assertThat(pair(PARIS_LONDON)).isNull();
        assertThat(pair(PARIS_LYON).count(Counters.REPLICATED)).isEqualTo(1);
        KeyValueStore<String, String> index = fx.driver.getKeyValueStore(StoreNames.PAIR_INDEX);
        assertThat(LagIndex.worstLagSeconds(new StoreLagIndex(index), PARIS_LONDON, T0)).isNull();

        fx.pipe(replicatedRemoved(PARIS, "100-0", PARIS, LYON), T0.plusSeconds(10));

        assertThat(pair(PARIS_LYON)).isNull();
        try (var all = index.all()) {
            assertThat(all.hasNext()).isFalse();
        }
        assertThat(fx.site(PARIS).counts()).isEmpty();
    }

    @Test
    void shouldTurnATestFailoverOverdueByWallClockWithoutANewEvent() {
        Instant tested = T0.minus(Duration.ofDays(180)).plusSeconds(30);
        fx.pipe(replicated(PARIS, "100-0", PARIS, LONDON, ReplicationState.REPLICATING, ReplicationHealth.OK, null, T0, tested), T0);
        assertThat(pair(PARIS_LONDON).count(Counters.REPLICATION_TEST_OVERDUE)).isZero();

        fx.advance(Duration.ofSeconds(40));

        assertThat(pair(PARIS_LONDON).count(Counters.REPLICATION_TEST_OVERDUE)).isEqualTo(1);
        assertThat(fx.site(PARIS).count(Counters.REPLICATION_TEST_OVERDUE)).isEqualTo(1);
    }

    @Test
    void shouldCountAnRpoCrossingInThePairBothWays() {
        fx.pipe(replicated(PARIS, "100-0", PARIS, LONDON, ReplicationState.REPLICATING, ReplicationHealth.OK, 900L, T0, null), T0);

        fx.advance(Duration.ofSeconds(910));
        assertThat(pair(PARIS_LONDON).count(Counters.REPLICATION_OUTSIDE_RPO)).isEqualTo(1);

        fx.pipe(replicated(PARIS, "100-0", PARIS, LONDON, ReplicationState.REPLICATING, ReplicationHealth.OK, 900L,
                T0.plusSeconds(905), null), T0.plusSeconds(906));
        assertThat(pair(PARIS_LONDON).count(Counters.REPLICATION_OUTSIDE_RPO)).isZero();
        assertThat(pair(PARIS_LONDON).count(Counters.REPLICATION_RPO_CHECKED)).isEqualTo(1);
    }

    private PairAggregate pair(String key) {
        KeyValueStore<String, PairAggregate> store = fx.driver.getKeyValueStore(StoreNames.PAIR_AGGREGATES);
        return store.get(key);
    }
}
