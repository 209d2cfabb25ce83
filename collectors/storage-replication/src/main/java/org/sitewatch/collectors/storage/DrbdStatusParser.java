package org.sitewatch.collectors.storage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Parses {@code drbdsetup status --json}: an array of resources, each with {@code devices} and
 * {@code connections}, each connection with {@code peer_devices}; keys in kebab-case. Lenient, as
 * the shape moved between drbd-utils releases: unknown keys are ignored; {@code connection-state}
 * may also be {@code connection}; {@code peer_devices} may be {@code peer-devices} or
 * {@code peerdevices}; devices and peer devices may be an array or an object keyed by volume;
 * {@code resync-suspended} may be a boolean or a word ({@code no}, {@code user}, {@code peer},
 * {@code dependency}, ...); numbers may be strings; a single resource object is taken as a list of one.
 */
final class DrbdStatusParser {

    private static final ObjectMapper JSON = new ObjectMapper();

    private DrbdStatusParser() {
    }

    /** @throws IllegalArgumentException when the text is not JSON of that shape, saying where */
    static List<DrbdStatus> parse(String json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage());
        }
        if (root == null || root.isMissingNode()) {
            throw new IllegalArgumentException("empty output");
        }
        List<DrbdStatus> out = new ArrayList<>();
        for (JsonNode r : root.isObject() ? List.of(root) : elements(root, "the top level")) {
            String name = text(r, "name");
            if (name == null) {
                throw new IllegalArgumentException("a resource without a name: " + abbreviate(r));
            }
            List<DrbdStatus.Device> devices = new ArrayList<>();
            for (JsonNode d : collection(r, "resource " + name, "devices")) {
                devices.add(new DrbdStatus.Device(volume(d), text(d, "disk-state"), bool(d, "client")));
            }
            List<DrbdStatus.Connection> connections = new ArrayList<>();
            for (JsonNode c : collection(r, "resource " + name, "connections")) {
                String peer = first(text(c, "name"), text(c, "conn-name"));
                List<DrbdStatus.PeerDevice> peerDevices = new ArrayList<>();
                for (JsonNode p : collection(c, "connection " + name + "/" + peer, "peer_devices", "peer-devices", "peerdevices")) {
                    peerDevices.add(new DrbdStatus.PeerDevice(volume(p), text(p, "replication-state"),
                            text(p, "peer-disk-state"), bool(p, "peer-client"), suspended(p.get("resync-suspended")),
                            longValue(p, "out-of-sync"), first(number(p, "percent-in-sync"), number(p, "done"))));
                }
                Long nodeId = longValue(c, "peer-node-id");
                connections.add(new DrbdStatus.Connection(peer, nodeId == null ? null : nodeId.intValue(),
                        first(text(c, "connection-state"), text(c, "connection")), text(c, "peer-role"),
                        bool(c, "congested"), peerDevices));
            }
            out.add(new DrbdStatus(name, text(r, "role"), devices, connections));
        }
        return out;
    }

    private static List<JsonNode> collection(JsonNode parent, String where, String... keys) {
        for (String key : keys) {
            JsonNode n = parent.get(key);
            if (n != null && !n.isNull()) {
                return elements(n, where + " " + key);
            }
        }
        return List.of();
    }

    private static List<JsonNode> elements(JsonNode n, String where) {
        if (!n.isArray() && !n.isObject()) {
            throw new IllegalArgumentException(where + " is neither a list nor an object: " + abbreviate(n));
        }
        List<JsonNode> out = new ArrayList<>();
        n.elements().forEachRemaining(e -> {
            if (!e.isObject()) {
                throw new IllegalArgumentException(where + " holds a non-object: " + abbreviate(e));
            }
            out.add(e);
        });
        return out;
    }

    private static int volume(JsonNode n) {
        Long v = longValue(n, "volume");
        return v == null ? 0 : v.intValue();
    }

    private static boolean suspended(JsonNode n) {
        if (n == null || n.isNull()) {
            return false;
        }
        if (n.isBoolean()) {
            return n.booleanValue();
        }
        String word = n.asText().trim().toLowerCase(Locale.ROOT);
        return !word.isEmpty() && !word.equals("no") && !word.equals("false") && !word.equals("0");
    }

    private static String text(JsonNode n, String key) {
        JsonNode v = n.get(key);
        return v == null || v.isNull() || v.isContainerNode() ? null : v.asText();
    }

    private static boolean bool(JsonNode n, String key) {
        JsonNode v = n.get(key);
        return v != null && (v.isBoolean() ? v.booleanValue() : v.isNumber() ? v.asInt() != 0 : "true".equalsIgnoreCase(v.asText()));
    }

    private static Long longValue(JsonNode n, String key) {
        Double d = number(n, key);
        return d == null ? null : (long) Math.floor(d);
    }

    private static Double number(JsonNode n, String key) {
        JsonNode v = n.get(key);
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isNumber()) {
            return v.doubleValue();
        }
        try {
            return Double.parseDouble(v.asText().trim().replace("%", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " is not a number: '" + v.asText() + "'");
        }
    }

    private static <T> T first(T a, T b) {
        return a != null ? a : b;
    }

    private static String abbreviate(JsonNode n) {
        String s = n.toString();
        return s.length() > 120 ? s.substring(0, 120) + "..." : s;
    }
}
