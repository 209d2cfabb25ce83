/**
 * Spring wiring of the collectors: typed, validated {@code sitewatch.collectors.*} properties and
 * the auto-configuration that builds the Kafka publisher and the {@code CollectorManager}.
 */
package org.sitewatch.collectors.config;
