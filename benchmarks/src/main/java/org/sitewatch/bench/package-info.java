/**
 * Benchmarks (not tests): the synthetic estate load generator, the harness that measures Sitewatch next to
 * Kafka's own producer and consumer performance tools on one broker, and JMH benchmarks of the hot paths.
 * Run them with the scripts in {@code bench/}; see {@code docs/benchmarks.md}.
 */
package org.sitewatch.bench;
