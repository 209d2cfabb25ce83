/**
 * The REST views as pure functions: renderers ({@link org.sitewatch.core.view.SiteViewRenderer},
 * {@link org.sitewatch.core.view.PairViewRenderer}, {@link org.sitewatch.core.view.EntityViewRenderer})
 * turn what an {@link org.sitewatch.core.view.EstateReader} holds into the JSON records the API returns.
 * The streams app reads its state stores through a reader and routes between instances; the audit
 * reads a replayed {@link org.sitewatch.core.fold.InMemoryEstate}. No Kafka, no Spring.
 */
package org.sitewatch.core.view;
