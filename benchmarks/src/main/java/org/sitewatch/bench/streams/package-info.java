/**
 * Scenarios that measure the streams app as a user runs it: the real application jar in a child JVM
 * ({@code java -Xmx2g -jar app/target/sitewatch.jar streams}) against the harness's broker, observed from outside
 * through its consumer group's offsets, its output topics, its HTTP API and {@code /proc}.
 */
package org.sitewatch.bench.streams;
