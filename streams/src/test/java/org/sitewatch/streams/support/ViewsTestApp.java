package org.sitewatch.streams.support;

import org.sitewatch.streams.config.SitewatchViewsConfiguration;
import org.sitewatch.testsupport.MutableClock;
import org.sitewatch.testsupport.TestEvents;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;

/** Test-only application: the views over a TopologyTestDriver's stores, with a settable clock. */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(SitewatchViewsConfiguration.class)
public class ViewsTestApp {

    @Bean
    DriverStoreProvider driverStoreProvider() {
        return new DriverStoreProvider();
    }

    /** Primary: the views configuration also defines a Clock when it is parsed first. */
    @Bean
    @Primary
    MutableClock testClock() {
        return new MutableClock(TestEvents.T0);
    }
}
