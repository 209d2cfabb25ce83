package org.sitewatch.streams.config;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.List;
import org.sitewatch.core.fold.HealthRules;
import org.sitewatch.streams.metrics.MetersRefresher;
import org.sitewatch.streams.metrics.PairMeters;
import org.sitewatch.streams.metrics.SiteMeters;
import org.sitewatch.streams.query.EntityQueryService;
import org.sitewatch.streams.query.LocalEntityViews;
import org.sitewatch.streams.query.LocalOnlyRouting;
import org.sitewatch.streams.query.LocalPairViews;
import org.sitewatch.streams.query.LocalReads;
import org.sitewatch.streams.query.LocalSiteViews;
import org.sitewatch.streams.query.PairQueryService;
import org.sitewatch.streams.query.QueryRouter;
import org.sitewatch.streams.query.RemoteViews;
import org.sitewatch.streams.query.Routing;
import org.sitewatch.streams.query.SiteQueryService;
import org.sitewatch.streams.query.StoreProvider;
import org.sitewatch.streams.web.ApiExceptionHandler;
import org.sitewatch.streams.web.CollectorsController;
import org.sitewatch.streams.web.HaController;
import org.sitewatch.streams.web.PairsController;
import org.sitewatch.streams.web.ReplicationController;
import org.sitewatch.streams.web.RunbooksController;
import org.sitewatch.streams.web.SitesController;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * The read side: local views, query routing between instances, REST controllers and domain meters over
 * whatever {@link StoreProvider} bean exists ({@link SitewatchStreamsConfiguration} provides the Kafka
 * Streams one and its {@link Routing}; tests provide a TopologyTestDriver one and get local routing).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({HealthProperties.class, ViewsProperties.class})
@Import({SitesController.class, PairsController.class, ReplicationController.class, HaController.class,
        CollectorsController.class, RunbooksController.class, ApiExceptionHandler.class})
public class SitewatchViewsConfiguration {

    @Bean
    @ConditionalOnMissingBean(Clock.class)
    Clock sitewatchClock() {
        return Clock.systemUTC();
    }

    @Bean
    HealthRules sitewatchHealthRules(HealthProperties health) {
        return health.toRules();
    }

    @Bean
    QueryRouter sitewatchQueryRouter(ObjectProvider<Routing> routing, StoreProvider stores, ViewsProperties views) {
        return new QueryRouter(routing.getIfAvailable(LocalOnlyRouting::new), new RemoteViews(views.forwardTimeout()),
                new LocalReads(stores));
    }

    @Bean
    LocalSiteViews sitewatchLocalSiteViews(StoreProvider stores, HealthRules rules) {
        return new LocalSiteViews(stores, rules);
    }

    @Bean
    LocalPairViews sitewatchLocalPairViews(StoreProvider stores, HealthRules rules) {
        return new LocalPairViews(stores, rules);
    }

    @Bean
    SiteQueryService sitewatchSiteQueryService(LocalSiteViews local, QueryRouter router, Clock clock) {
        return new SiteQueryService(local, router, clock);
    }

    @Bean
    PairQueryService sitewatchPairQueryService(LocalPairViews local, SiteQueryService sites, QueryRouter router,
                                               HealthRules rules, Clock clock) {
        return new PairQueryService(local, sites, router, rules, clock);
    }

    @Bean
    EntityQueryService sitewatchEntityQueryService(StoreProvider stores, HealthRules rules, QueryRouter router, Clock clock) {
        return new EntityQueryService(new LocalEntityViews(stores, rules), router, clock);
    }

    @Bean
    SiteMeters sitewatchSiteMeters(MeterRegistry registry, LocalSiteViews sites, ViewsProperties views, Clock clock) {
        return new SiteMeters(registry, sites, views.metricsOutsideRpoItemsPerSite(), views.metricsOutsideRpoItems(), clock);
    }

    @Bean
    PairMeters sitewatchPairMeters(MeterRegistry registry, LocalPairViews pairs, PairQueryService query, Clock clock) {
        return new PairMeters(registry, pairs, query, clock);
    }

    @Bean
    MetersRefresher sitewatchMetersRefresher(SiteMeters sites, PairMeters pairs, ViewsProperties views) {
        return new MetersRefresher(List.of(sites, pairs), views.metricsRefreshInterval());
    }
}
