/**
 * The functional core: how events change the latest state of an entity, what each entity contributes
 * to its site, and how a site's health is judged at an instant. Plain Java with no Kafka types, so
 * the live topology and an offline audit replay fold the same events the same way.
 *
 * <p>Flow: {@link org.sitewatch.streams.fold.EntityFold} turns an event into a new
 * {@link org.sitewatch.streams.fold.EntityRecord} and a {@link org.sitewatch.streams.fold.SiteDelta}
 * (old and new {@link org.sitewatch.streams.fold.Contribution}); {@link org.sitewatch.streams.fold.SiteAggregator}
 * applies deltas to a bounded {@link org.sitewatch.streams.fold.SiteAggregate};
 * {@link org.sitewatch.streams.fold.SiteHealthEvaluator} judges the aggregate at an instant.
 */
package org.sitewatch.streams.fold;
