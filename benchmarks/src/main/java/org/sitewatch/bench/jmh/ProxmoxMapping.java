package org.sitewatch.bench.jmh;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.sitewatch.collectors.spi.Snapshot;

/**
 * The Proxmox collector's per-poll work without the HTTP: parsing each answer as its
 * {@code JsonHttpClient} does (bytes to text to a Jackson tree, then PVE's {@code data} envelope),
 * and mapping the readings to a {@link Snapshot} with the collector's own {@code ProxmoxMapper}.
 *
 * <p>The mapper and its inputs are package-private in the plug-in, which is right for the product;
 * the benchmark reaches them by reflection (a classpath, not a module path, so that is allowed) and
 * calls them through method handles, whose overhead is nothing next to mapping thousands of records.
 * One instance is one endpoint's mapper: stateful, fed polls in order, like the collector's.
 */
public final class ProxmoxMapping {

    private static final String PACKAGE = "org.sitewatch.collectors.proxmox.";
    /** The collector's JSON reader is a plain ObjectMapper too. */
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Object mapper;
    private final MethodHandle newReadings;
    private final MethodHandle map;

    public ProxmoxMapping(String site) {
        try {
            Class<?> rulesType = Class.forName(PACKAGE + "ProxmoxRules");
            Constructor<?> rules = rulesType.getDeclaredConstructor(String.class, Map.class, Duration.class, int.class);
            rules.setAccessible(true);
            Class<?> mapperType = Class.forName(PACKAGE + "ProxmoxMapper");
            Constructor<?> mapperConstructor = mapperType.getDeclaredConstructor(rulesType);
            mapperConstructor.setAccessible(true);
            // The endpoint's defaults: no RPO override, no node in another site, critical from 2 failures.
            mapper = mapperConstructor.newInstance(rules.newInstance(site, Map.of(), null, 2));
            Class<?> readingsType = Class.forName(PACKAGE + "ProxmoxReadings");
            Constructor<?> readings = readingsType.getDeclaredConstructor(Instant.class, JsonNode.class, JsonNode.class,
                    JsonNode.class, JsonNode.class, JsonNode.class, Map.class, JsonNode.class, JsonNode.class);
            readings.setAccessible(true);
            newReadings = MethodHandles.lookup().unreflectConstructor(readings);
            Method mapMethod = mapperType.getDeclaredMethod("map", readingsType);
            mapMethod.setAccessible(true);
            map = MethodHandles.lookup().unreflect(mapMethod);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("the Proxmox plug-in's mapper is not where the benchmark expects it", e);
        }
    }

    /** One answer as the collector's HTTP client and {@code ProxmoxClient} read it: its {@code data}. */
    public static JsonNode parse(byte[] body) {
        try {
            return JSON.readTree(new String(body, StandardCharsets.UTF_8)).get("data");
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** Every answer parsed, by path. */
    public static Map<String, JsonNode> parseAll(ProxmoxAnswers answers) {
        Map<String, JsonNode> parsed = new LinkedHashMap<>();
        answers.byPath().forEach((path, body) -> parsed.put(path, parse(body)));
        return parsed;
    }

    /** Maps one poll's parsed answers, observed at {@code now}. */
    public Snapshot map(Map<String, JsonNode> parsed, Instant now) {
        Map<String, JsonNode> replicationByNode = new LinkedHashMap<>();
        parsed.forEach((path, data) -> {
            if (path.startsWith("/nodes/")) {
                replicationByNode.put(path.substring("/nodes/".length(), path.lastIndexOf('/')), data);
            }
        });
        try {
            Object readings = newReadings.invoke(now, parsed.get(ProxmoxAnswers.CLUSTER_STATUS),
                    parsed.get(ProxmoxAnswers.VM_RESOURCES), parsed.get(ProxmoxAnswers.NODE_RESOURCES),
                    parsed.get(ProxmoxAnswers.HA_STATUS), parsed.get(ProxmoxAnswers.REPLICATION_JOBS), replicationByNode,
                    null, null);
            return (Snapshot) map.invoke(mapper, readings);
        } catch (RuntimeException e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("mapping failed", e);
        }
    }
}
