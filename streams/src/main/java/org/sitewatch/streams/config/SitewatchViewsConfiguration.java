package org.sitewatch.streams.config;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.sitewatch.streams.fold.HealthRules;
import org.sitewatch.streams.metrics.SiteMeters;
import org.sitewatch.streams.query.SiteQueryService;
import org.sitewatch.streams.query.StoreProvider;
import org.sitewatch.streams.web.ApiExceptionHandler;
import org.sitewatch.streams.web.SitesController;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * The read side: query service, REST controller and per-site meters over whatever
 * {@link StoreProvider} bean exists ({@link SitewatchStreamsConfiguration} provides the Kafka Streams
 * one; tests provide a TopologyTestDriver one).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({HealthProperties.class, ViewsProperties.class})
@Import({SitesController.class, ApiExceptionHandler.class})
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
    SiteQueryService sitewatchSiteQueryService(StoreProvider stores, HealthRules rules, Clock clock) {
        return new SiteQueryService(stores, rules, clock);
    }

    @Bean
    SiteMeters sitewatchSiteMeters(MeterRegistry registry, SiteQueryService query, ViewsProperties views) {
        return new SiteMeters(registry, query, views.metricsRefreshInterval());
    }
}
