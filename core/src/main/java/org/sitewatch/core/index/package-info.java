/**
 * The lag indexes kept beside the site and pair aggregates: their key format
 * ({@link org.sitewatch.core.index.IndexKeys}), read access ({@link org.sitewatch.core.index.LagIndexReader})
 * and the exact worst / p95 lag and test-failover figures computed from them at query time.
 */
package org.sitewatch.core.index;
