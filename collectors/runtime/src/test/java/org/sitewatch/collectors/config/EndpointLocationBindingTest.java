package org.sitewatch.collectors.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sitewatch.collectors.runtime.CollectorManager;
import org.sitewatch.collectors.runtime.CollectorRegistry;
import org.sitewatch.collectors.runtime.EventSink;
import org.sitewatch.collectors.runtime.InMemoryEventSink;
import org.sitewatch.collectors.spi.CollectorException;
import org.sitewatch.collectors.spi.CollectorFactory;
import org.sitewatch.collectors.spi.EndpointConfig;
import org.sitewatch.collectors.spi.PollingSource;
import org.sitewatch.events.CollectorErrorKind;
import org.sitewatch.events.Platform;
import org.sitewatch.events.SiteLocation;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The common location keys {@code endpoints[n].cloud} and {@code endpoints[n].region}, bound and checked at start-up. */
class EndpointLocationBindingTest {

    private static final String AT = "sitewatch.collectors.endpoints[0].";

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(CollectorsConfiguration.class))
            .withUserConfiguration(OneVendor.class)
            .withPropertyValues(AT + "id=vmc-frankfurt", AT + "site=vmc-frankfurt", AT + "platform=proxmox",
                    AT + "poll-interval=1h", AT + "proxmox.url=https://127.0.0.1:9/api2/json");

    /** A vendor whose polls fail at once: start-up and binding are what is tested here, not collecting. */
    @Configuration(proxyBeanMethods = false)
    static class OneVendor {
        record UrlOnly(URI url) {
        }

        @Bean
        EventSink eventSink() {
            return new InMemoryEventSink();
        }

        @Bean
        CollectorRegistry collectorRegistry() {
            return new CollectorRegistry(List.of(new CollectorFactory() {
                @Override
                public Platform platform() {
                    return Platform.PROXMOX;
                }

                @Override
                public Class<? extends Record> settingsType() {
                    return UrlOnly.class;
                }

                @Override
                public PollingSource create(EndpointConfig endpoint, org.sitewatch.collectors.spi.CollectorContext context) {
                    return () -> {
                        throw CollectorException.retriable(CollectorErrorKind.CONNECT, "not collecting in this test", null);
                    };
                }
            }));
        }
    }

    @Test
    void shouldBindTheCloudAndRegionOntoTheEndpoint() {
        runner.withPropertyValues(AT + "cloud=aws", AT + "region=eu-central-1").run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(CollectorManager.class).endpoints()).singleElement()
                    .extracting(EndpointConfig::location).isEqualTo(new SiteLocation("aws", "eu-central-1"));
        });
    }

    @Test
    void shouldBindARegionAloneForASiteOnPremisesAndNoLocationWhenNeitherIsSet() {
        runner.withPropertyValues(AT + "region=Paris DC1").run(context -> assertThat(
                context.getBean(CollectorManager.class).endpoints().get(0).location())
                .isEqualTo(new SiteLocation(null, "Paris DC1")));
        runner.run(context -> assertThat(context.getBean(CollectorManager.class).endpoints().get(0).location()).isNull());
    }

    @Test
    void shouldFailStartUpNamingTheKeyOfABadCloudWordAndOfABadRegion() {
        runner.withPropertyValues(AT + "cloud=Amazon", AT + "region=eu/central").run(context -> {
            assertThat(context).hasFailed();
            assertThat(messages(context.getStartupFailure()))
                    .contains(AT + "cloud: cloud must be a lower-case provider word such as aws, azure or gcp "
                            + "(letters and digits, 2 to 32) but was 'Amazon'")
                    .contains(AT + "region: region must be the provider's region id")
                    .contains("'eu/central'");
        });
        runner.withPropertyValues(AT + "cloud=onprem").run(context -> assertThat(messages(context.getStartupFailure()))
                .contains(AT + "cloud: cloud 'onprem' is not a provider: leave cloud out for a site on premises"));
    }

    private static String messages(Throwable failure) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            all.append(t.getMessage()).append('\n');
        }
        return all.toString();
    }
}
