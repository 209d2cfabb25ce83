package org.sitewatch.collectors.config;

import java.util.List;
import org.sitewatch.collectors.spi.EndpointConfig;

/**
 * Endpoints added in code rather than in properties: the all-in-one launcher declares a bean of
 * this type listing the simulator's sites. Every such bean's endpoints are run in addition to
 * {@code sitewatch.collectors.endpoints}, with the same checks.
 */
@FunctionalInterface
public interface CollectorEndpoints {

    List<EndpointConfig> endpoints();
}
