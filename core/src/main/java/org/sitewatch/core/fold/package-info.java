/**
 * The functional core: how events change the latest state of an entity, what each entity contributes
 * to its site, and how a site's health is judged at an instant. Plain Java with no Kafka types, so
 * the live topology and an offline audit replay fold the same events the same way.
 *
 * <p>Flow: {@link org.sitewatch.core.fold.EntityFold} turns an event into a new
 * {@link org.sitewatch.core.fold.EntityRecord} and a {@link org.sitewatch.core.fold.SiteDelta}
 * (old and new {@link org.sitewatch.core.fold.Contribution}); {@link org.sitewatch.core.fold.SiteAggregator}
 * applies deltas to a bounded {@link org.sitewatch.core.fold.SiteAggregate};
 * {@link org.sitewatch.core.fold.SiteHealthEvaluator} judges the aggregate at an instant.
 */
package org.sitewatch.core.fold;
