package org.sitewatch.broker;

import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.apache.kafka.common.Node;

/**
 * Waits until a broker answers a client the way Sitewatch will use it: an {@link Admin}
 * {@code describeCluster} over the client listener that lists at least one node and reports the
 * expected cluster id.
 *
 * <p>Limit: proves the client path and the metadata are up, not that every coordinator has loaded.
 */
final class ReadinessProbe {

    private ReadinessProbe() {
    }

    /**
     * @throws IllegalStateException if the broker is not ready within {@code timeout}
     */
    static void awaitReady(String bootstrapServers, String expectedClusterId, Duration timeout) {
        long timeoutMs = Math.max(1, timeout.toMillis());
        Map<String, Object> config = Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.CLIENT_ID_CONFIG, "sitewatch-broker-readiness",
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.min(timeoutMs, 5_000),
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) Math.min(timeoutMs, Integer.MAX_VALUE));
        try (Admin admin = Admin.create(config)) {
            // The admin client retries internally until the options' timeout elapses.
            DescribeClusterResult cluster = admin.describeCluster(
                    new DescribeClusterOptions().timeoutMs((int) Math.min(timeoutMs, Integer.MAX_VALUE)));
            Collection<Node> nodes = cluster.nodes().get(timeoutMs + 1_000, TimeUnit.MILLISECONDS);
            String clusterId = cluster.clusterId().get(timeoutMs + 1_000, TimeUnit.MILLISECONDS);
            if (nodes.isEmpty()) {
                throw new IllegalStateException("Kafka broker at " + bootstrapServers + " reports no nodes");
            }
            if (!expectedClusterId.equals(clusterId)) {
                throw new IllegalStateException("Kafka broker at " + bootstrapServers + " reports cluster id "
                        + clusterId + ", expected " + expectedClusterId);
            }
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Kafka broker at " + bootstrapServers
                    + " did not answer describeCluster within " + timeout, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for Kafka broker at " + bootstrapServers, e);
        }
    }
}
