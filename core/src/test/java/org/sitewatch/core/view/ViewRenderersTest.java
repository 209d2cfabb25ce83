package org.sitewatch.core.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sitewatch.testsupport.TestEvents.LONDON;
import static org.sitewatch.testsupport.TestEvents.PARIS;
import static org.sitewatch.testsupport.TestEvents.T0;
import static org.sitewatch.testsupport.TestEvents.event;
import static org.sitewatch.testsupport.TestEvents.heartbeatOk;
import static org.sitewatch.testsupport.TestEvents.replicated;
import static org.sitewatch.testsupport.TestEvents.vm;
import static org.sitewatch.testsupport.TestEvents.vmRemoved;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.sitewatch.core.fold.AggregateLimits;
import org.sitewatch.core.fold.DrReadiness;
import org.sitewatch.core.fold.HealthRules;
import org.sitewatch.core.fold.HealthStatus;
import org.sitewatch.core.fold.InMemoryEstate;
import org.sitewatch.core.view.EntityQueries.ItemQuery;
import org.sitewatch.core.view.EntityQueries.ItemSort;
import org.sitewatch.core.view.EntityQueries.VmQuery;
import org.sitewatch.core.view.EntityViews.ReplicatedItemView;
import org.sitewatch.core.view.EntityViews.VmView;
import org.sitewatch.core.view.PairViews.PairList;
import org.sitewatch.core.view.SiteViews.SiteDetail;
import org.sitewatch.core.view.SiteViews.SiteList;
import org.sitewatch.core.fold.SiteHealthEvaluator;
import org.sitewatch.core.fold.SiteHealthViews;
import org.sitewatch.events.CollectorHeartbeat;
import org.sitewatch.events.CollectorStatus;
import org.sitewatch.events.EventData;
import org.sitewatch.events.Json;
import org.sitewatch.events.Platform;
import org.sitewatch.events.SiteLocation;
import org.sitewatch.events.PowerState;
import org.sitewatch.events.ReplicationHealth;
import org.sitewatch.events.ReplicationState;

/** The renderers over a folded in-memory estate: no store, no router, the same functions the REST views call. */
class ViewRenderersTest {

    private final HealthRules rules = HealthRules.defaultRules();
    private final InMemoryEstate estate = new InMemoryEstate(rules, AggregateLimits.DEFAULTS);
    private final SiteViewRenderer sites = new SiteViewRenderer(rules);

    private void fold(EventData data, Instant at) {
        estate.apply(event(data, at), at);
    }

    @Test
    void shouldListSitesSortedAndJudgedAtTheInstantWithTheWorstLagFromTheItems() {
        fold(heartbeatOk(PARIS), T0);
        fold(heartbeatOk(LONDON), T0);
        fold(vm(PARIS, "100", PowerState.CRASHED), T0);
        fold(replicated(PARIS, "101-0", PARIS, LONDON, ReplicationState.REPLICATING, ReplicationHealth.OK, 3600L,
                T0.minusSeconds(600), null), T0);
        Instant now = T0.plusSeconds(10);

        SiteList list = sites.list(new InMemoryEstateReader(estate), now);

        assertThat(list.asOf()).isEqualTo(now);
        assertThat(list.sites()).extracting(s -> s.site() + " " + s.status())
                .containsExactly("london-dr OK", "paris-dc1 DEGRADED");
        SiteDetail paris = sites.detail(new InMemoryEstateReader(estate), PARIS, now).orElseThrow();
        assertThat(paris.counts().replication().worstLagSeconds()).isEqualTo(610);
        assertThat(paris.problems()).extracting(p -> p.subject()).containsExactly("vm/paris-dc1/100");
        assertThat(sites.detail(new InMemoryEstateReader(estate), "nowhere", now)).isEmpty();
    }

    @Test
    void shouldShowTheLocationTheSitesCollectorsReportAndLeaveItOutWhereNoneDoes() {
        SiteLocation frankfurt = new SiteLocation("aws", "eu-central-1");
        fold(heartbeatOk(PARIS), T0);
        fold(locatedHeartbeat("vmc-frankfurt", "vmc-frankfurt", frankfurt), T0);
        InMemoryEstateReader reader = new InMemoryEstateReader(estate);

        assertThat(sites.list(reader, T0).sites()).extracting(s -> s.site() + " " + s.location())
                .containsExactly("paris-dc1 null", "vmc-frankfurt " + frankfurt);
        SiteDetail vmc = sites.detail(reader, "vmc-frankfurt", T0).orElseThrow();
        assertThat(vmc.location()).isEqualTo(frankfurt);
        assertThat(Json.MAPPER.valueToTree(vmc).get("location").toString())
                .isEqualTo("{\"cloud\":\"aws\",\"region\":\"eu-central-1\"}");
        assertThat(Json.MAPPER.valueToTree(sites.detail(reader, PARIS, T0).orElseThrow()).has("location")).isFalse();
        var aggregate = estate.site("vmc-frankfurt").orElseThrow();
        assertThat(SiteHealthViews.published(aggregate, SiteHealthEvaluator.evaluate(aggregate, T0, rules), T0, T0, rules)
                .location()).isEqualTo(frankfurt);
    }

    @Test
    void shouldTakeTheFirstCollectorsLocationByIdWhenTwoCollectorsOfASiteDisagree() {
        SiteLocation westeurope = new SiteLocation("azure", "westeurope");
        fold(locatedHeartbeat(PARIS, "paris-b", new SiteLocation("aws", "eu-west-3")), T0);
        fold(locatedHeartbeat(PARIS, "paris-a", westeurope), T0.plusSeconds(1));
        fold(heartbeatOk(PARIS), T0.plusSeconds(2)); // collector "paris-dc1", without a location
        fold(locatedHeartbeat(PARIS, "paris-b", new SiteLocation("aws", "eu-west-3")), T0.plusSeconds(3));

        SiteDetail paris = sites.detail(new InMemoryEstateReader(estate), PARIS, T0.plusSeconds(4)).orElseThrow();

        assertThat(paris.location()).isEqualTo(westeurope);
        assertThat(paris.collectors()).hasSize(3);
    }

    private static CollectorHeartbeat locatedHeartbeat(String site, String collectorId, SiteLocation location) {
        return new CollectorHeartbeat(site, Platform.VSPHERE, collectorId, "https://vcenter." + site + ".example/sdk",
                CollectorStatus.OK, null, null, 80L, null, 15, null, java.util.List.of(), location);
    }

    @Test
    void shouldJudgeAPairWithBothSitesHealth() {
        fold(heartbeatOk(PARIS), T0);
        fold(replicated(PARIS, "101-0", PARIS, LONDON, ReplicationState.FAILED, ReplicationHealth.CRITICAL, 3600L,
                T0.minusSeconds(60), T0.minusSeconds(86_400)), T0);

        PairList pairs = new PairViewRenderer(rules).list(new InMemoryEstateReader(estate), sites, T0);

        assertThat(pairs.pairs()).singleElement().satisfies(p -> {
            assertThat(p.pair()).isEqualTo("paris-dc1->london-dr");
            assertThat(p.readiness()).isEqualTo(DrReadiness.NOT_READY);
            assertThat(p.sourceStatus()).isEqualTo(HealthStatus.CRITICAL);
            assertThat(p.targetStatus()).as("london-dr was never seen").isNull();
            assertThat(p.lastTestFailover()).isEqualTo(T0.minusSeconds(86_400));
            assertThat(p.items().worstLagSeconds()).isEqualTo(60);
        });
    }

    @Test
    void shouldPageEntitiesInTheirOrderWithoutRemovedOnes() {
        fold(vm(PARIS, "102", PowerState.RUNNING), T0);
        fold(vm(PARIS, "100", PowerState.STOPPED), T0);
        fold(vm(PARIS, "101", PowerState.RUNNING), T0);
        fold(vm(LONDON, "200", PowerState.RUNNING), T0);
        fold(vmRemoved(PARIS, "101"), T0.plusSeconds(1));
        EntityViewRenderer entities = new EntityViewRenderer(rules);

        Page<VmView> page = entities.vms(new InMemoryEstateReader(estate), new VmQuery(PARIS, null, null), 1, T0);
        Page<VmView> running = entities.vms(new InMemoryEstateReader(estate), new VmQuery(null, PowerState.RUNNING, null), 10, T0);

        assertThat(page.total()).isEqualTo(2);
        assertThat(page.items()).extracting(VmView::vmId).containsExactly("100");
        assertThat(running.items()).extracting(v -> v.site() + "/" + v.vmId()).containsExactly("london-dr/200", "paris-dc1/102");
    }

    @Test
    void shouldOrderReplicatedItemsByLagWithTheLagAtTheInstant() {
        fold(replicated(PARIS, "1-0", PARIS, LONDON, ReplicationState.REPLICATING, ReplicationHealth.OK, 900L,
                T0.minusSeconds(100), null), T0);
        fold(replicated(PARIS, "2-0", PARIS, LONDON, ReplicationState.REPLICATING, ReplicationHealth.OK, 900L,
                T0.minusSeconds(1000), null), T0);

        Page<ReplicatedItemView> items = new EntityViewRenderer(rules).items(new InMemoryEstateReader(estate),
                new ItemQuery(PARIS, null, null, null, null, null, ItemSort.LAG), 10, T0);

        assertThat(items.items()).extracting(i -> i.itemId() + " " + i.lagSeconds() + " " + i.outsideRpo())
                .containsExactly("2-0 1000 true", "1-0 100 false");
    }
}
