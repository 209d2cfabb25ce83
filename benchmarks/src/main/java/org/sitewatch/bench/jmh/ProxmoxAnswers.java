package org.sitewatch.bench.jmh;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.sitewatch.bench.collector.LargeProxmoxCluster;
import org.sitewatch.simulator.ManualClock;
import org.sitewatch.simulator.proxmox.ProxmoxSimulator;

/**
 * The raw answers of one poll of a large cluster, as bytes, read once from the project's simulator
 * (the same answers the collector gets over HTTP): {@code /cluster/status}, both
 * {@code /cluster/resources} calls, the HA status, {@code /cluster/replication} and every node's
 * {@code /nodes/{node}/replication}. The quorum details are left out (the mapper then counts one
 * vote per node).
 */
public final class ProxmoxAnswers {

    public static final String CLUSTER_STATUS = "/cluster/status";
    public static final String VM_RESOURCES = "/cluster/resources?type=vm";
    public static final String NODE_RESOURCES = "/cluster/resources?type=node";
    public static final String HA_STATUS = "/cluster/ha/status/current";
    public static final String REPLICATION_JOBS = "/cluster/replication";

    private final Map<String, byte[]> byPath;

    private ProxmoxAnswers(Map<String, byte[]> byPath) {
        this.byPath = byPath;
    }

    /** Serves {@code cluster} from a simulator on 127.0.0.1 just long enough to read every answer. */
    public static ProxmoxAnswers read(LargeProxmoxCluster cluster) throws IOException, InterruptedException {
        Map<String, byte[]> answers = new LinkedHashMap<>();
        try (ProxmoxSimulator simulator = ProxmoxSimulator.builder(cluster.scenario())
                .clock(new ManualClock(LargeProxmoxCluster.START)).tickInterval(null).build().start()) {
            HttpClient http = HttpClient.newHttpClient();
            String base = simulator.baseUrl(LargeProxmoxCluster.CLUSTER);
            String auth = simulator.authorizationHeader(LargeProxmoxCluster.CLUSTER);
            for (String path : new String[] {CLUSTER_STATUS, VM_RESOURCES, NODE_RESOURCES, HA_STATUS, REPLICATION_JOBS}) {
                answers.put(path, get(http, base + path, auth));
            }
            for (int n = 1; n <= LargeProxmoxCluster.NODES; n++) {
                String path = nodeReplication("pve-bench-" + n);
                answers.put(path, get(http, base + path, auth));
            }
        }
        return new ProxmoxAnswers(answers);
    }

    public static String nodeReplication(String node) {
        return "/nodes/" + node + "/replication";
    }

    /** Path to answer body, in the order the collector asks. */
    public Map<String, byte[]> byPath() {
        return byPath;
    }

    public long totalBytes() {
        return byPath.values().stream().mapToLong(b -> b.length).sum();
    }

    private static byte[] get(HttpClient http, String url, String auth) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", auth)
                .GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IOException("GET " + url + " answered " + response.statusCode());
        }
        return response.body();
    }
}
