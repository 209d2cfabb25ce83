package org.sitewatch.collectors.hyperv;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.sitewatch.collectors.hyperv.HypervEnums.DrainStatus;
import org.sitewatch.collectors.hyperv.HypervEnums.GroupState;
import org.sitewatch.collectors.hyperv.HypervEnums.GroupType;
import org.sitewatch.collectors.hyperv.HypervEnums.NodeState;
import org.sitewatch.collectors.hyperv.HypervEnums.NodeStatusFlag;
import org.sitewatch.collectors.hyperv.HypervEnums.QuorumType;
import org.sitewatch.collectors.hyperv.HypervEnums.RelationshipType;
import org.sitewatch.collectors.hyperv.HypervEnums.ReplicationHealth;
import org.sitewatch.collectors.hyperv.HypervEnums.ReplicationMode;
import org.sitewatch.collectors.hyperv.HypervEnums.ReplicationState;
import org.sitewatch.collectors.hyperv.HypervEnums.VmState;

/**
 * Reads the snapshot script's JSON ({@code hyperv-snapshot.ps1}) into a {@link HypervReport}.
 * Every value is read in any of PowerShell's forms ({@link PsValues}, {@link PsWord}), so the
 * reader also takes a 5.1-style document of raw integers and {@code \/Date()\/} values. A list
 * written as a bare object (5.1's one-item output) is a one-item list. A record that cannot be
 * read is skipped with a reason; only a document whose overall shape is wrong is refused.
 */
public final class HypervReportReader {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * @throws IllegalArgumentException when {@code json} is not a snapshot document (not JSON, not
     *     an object, or without a {@code vms} list)
     */
    public HypervReport read(String json) {
        JsonNode root;
        try {
            root = JSON.readTree(json == null ? "" : json.strip());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the Hyper-V script's output is not JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("the Hyper-V script's output is not a JSON object");
        }
        if (!root.has("vms")) {
            throw new IllegalArgumentException("the Hyper-V script's output has no 'vms' list");
        }
        List<HypervReport.Skip> skipped = new ArrayList<>();
        List<HypervReport.Vm> vms = readAll(root.get("vms"), HypervReport.Part.VM, "VM", skipped, HypervReportReader::vm);
        Map<String, HypervReport.Statistics> statistics = new HashMap<>();
        for (JsonNode item : items(root.get("replicationHealth"))) {
            try {
                String vmId = PsValues.text(item, "VMId");
                if (vmId != null) {
                    String relationship = relationshipKey(PsWord.read(item.get("ReplicationRelationshipType"),
                            RelationshipType.class));
                    statistics.put(key(vmId, relationship), statistics(item));
                }
            } catch (IllegalArgumentException e) {
                skipped.add(new HypervReport.Skip(HypervReport.Part.REPLICATION, "replication statistics of "
                        + describe(item, "VMName") + ": " + e.getMessage()));
            }
        }
        Map<String, HypervReport.Replication> replications = new LinkedHashMap<>();
        for (JsonNode item : items(root.get("replications"))) {
            try {
                HypervReport.Replication r = replication(item, statistics);
                replications.putIfAbsent(key(r.vmId(), relationshipKey(r.relationship())), r);
            } catch (IllegalArgumentException e) {
                skipped.add(new HypervReport.Skip(HypervReport.Part.REPLICATION, "replication of "
                        + describe(item, "VMName") + ": " + e.getMessage()));
            }
        }
        String replicationError = joinErrors(PsValues.text(root, "replicationErrorSimple"),
                PsValues.text(root, "replicationErrorExtended"), PsValues.text(root, "replicationHealthError"));
        return new HypervReport(PsValues.text(root, "computerName"), PsValues.text(root, "psVersion"),
                PsValues.date(root, "collectedAt"), vms, List.copyOf(replications.values()),
                clustering(root.get("clustering"), skipped), skipped, replicationError);
    }

    private static HypervReport.Vm vm(JsonNode item) {
        String id = require(item, "Id");
        return new HypervReport.Vm(PsValues.text(item, "Name"), id.toLowerCase(Locale.ROOT),
                PsValues.text(item, "ComputerName"), PsWord.read(item.get("State"), VmState.class),
                PsValues.text(item, "Status"), PsValues.bool(item, "IsClustered"), PsValues.date(item, "CreationTime"),
                PsWord.read(item.get("ReplicationMode"), ReplicationMode.class));
    }

    private static HypervReport.Replication replication(JsonNode item, Map<String, HypervReport.Statistics> stats) {
        String vmId = require(item, "VMId").toLowerCase(Locale.ROOT);
        PsWord<RelationshipType> relationship = PsWord.read(item.get("ReplicationRelationshipType"),
                RelationshipType.class);
        HypervReport.Statistics statistics = stats.get(key(vmId, relationshipKey(relationship)));
        if (statistics == null) {
            statistics = stats.get(key(vmId, ""));
        }
        return new HypervReport.Replication(PsValues.text(item, "VMName"), vmId, PsValues.text(item, "ComputerName"),
                PsWord.read(item.get("ReplicationState"), ReplicationState.class),
                PsWord.read(item.get("ReplicationHealth"), ReplicationHealth.class),
                PsWord.read(item.get("ReplicationMode"), ReplicationMode.class), relationship,
                PsValues.text(item, "PrimaryServerName"), PsValues.text(item, "ReplicaServerName"),
                PsValues.text(item, "CurrentReplicaServerName"), PsValues.number(item, "ReplicationFrequencySec"),
                PsValues.date(item, "LastReplicationTime"), lowerCase(PsValues.text(item, "TestVirtualMachineId")),
                statistics);
    }

    private static HypervReport.Statistics statistics(JsonNode item) {
        return new HypervReport.Statistics(PsValues.date(item, "LastReplicationTime"),
                PsValues.date(item, "LastTestFailoverInitiatedTime"), PsValues.number(item, "PendingReplicationSize"),
                PsValues.seconds(item, "AverageReplicationLatency"), PsValues.seconds(item, "MaximumReplicationLatency"),
                PsValues.number(item, "ReplicationErrors"), PsValues.number(item, "SuccessfulReplicationCount"),
                PsValues.number(item, "MissedReplicationCount"), PsValues.strings(item, "ReplicationHealthDetails"));
    }

    private static HypervReport.Clustering clustering(JsonNode node, List<HypervReport.Skip> skipped) {
        if (node == null || node.isNull()) {
            return new HypervReport.Clustering("NotInstalled", null, null, null, List.of(), List.of(), null);
        }
        List<HypervReport.Node> nodes = readAll(node.get("nodes"), HypervReport.Part.CLUSTER, "cluster node", skipped, item -> {
            List<String> unknownFlags = new ArrayList<>();
            return new HypervReport.Node(require(item, "Name"), PsValues.text(item, "Id"),
                    PsWord.read(item.get("State"), NodeState.class),
                    PsValues.flags(item, "StatusInformation", NodeStatusFlag.class, unknownFlags), unknownFlags,
                    PsWord.read(item.get("DrainStatus"), DrainStatus.class), PsValues.number(item, "NodeWeight"),
                    PsValues.number(item, "DynamicWeight"));
        });
        List<HypervReport.Group> groups = readAll(node.get("groups"), HypervReport.Part.CLUSTER, "cluster group", skipped, item ->
                new HypervReport.Group(require(item, "Name"), PsValues.text(item, "Id"), ownerNode(item),
                        PsWord.read(item.get("State"), GroupState.class),
                        PsWord.read(item.get("GroupType"), GroupType.class), PsValues.text(item, "StatusInformation"),
                        PsValues.bool(item, "IsCoreGroup"), lowerCase(PsValues.text(item, "VmId"))));
        JsonNode q = node.get("quorum");
        HypervReport.Quorum quorum = q == null || !q.isObject() ? null : new HypervReport.Quorum(
                PsWord.read(q.get("QuorumType"), QuorumType.class), PsValues.text(q, "QuorumResource"),
                PsValues.text(q, "QuorumResourceType"), PsValues.text(q, "QuorumResourceState"));
        String status = PsValues.text(node, "status");
        return new HypervReport.Clustering(status == null ? "Ok" : status, PsValues.text(node, "name"),
                PsValues.text(node, "error"), PsValues.bool(node, "dynamicQuorum"), nodes, groups, quorum);
    }

    /** The owner's name: the script sends it as text; a raw object carries it in {@code Name}. */
    private static String ownerNode(JsonNode item) {
        JsonNode owner = item.get("OwnerNode");
        return owner != null && owner.isObject() ? PsValues.text(owner, "Name") : PsValues.text(item, "OwnerNode");
    }

    private static <T> List<T> readAll(JsonNode list, HypervReport.Part part, String what,
                                       List<HypervReport.Skip> skipped, Function<JsonNode, T> read) {
        List<T> out = new ArrayList<>();
        for (JsonNode item : items(list)) {
            try {
                out.add(read.apply(item));
            } catch (IllegalArgumentException e) {
                skipped.add(new HypervReport.Skip(part, what + " " + describe(item, "Name") + ": " + e.getMessage()));
            }
        }
        return out;
    }

    private static List<JsonNode> items(JsonNode node) {
        List<JsonNode> out = new ArrayList<>();
        if (node == null || node.isNull()) {
            return out;
        }
        if (node.isArray()) {
            node.forEach(out::add);
        } else {
            out.add(node);
        }
        return out;
    }

    private static String require(JsonNode item, String field) {
        if (!item.isObject()) {
            throw new IllegalArgumentException("is not an object");
        }
        String value = PsValues.text(item, field);
        if (value == null) {
            throw new IllegalArgumentException("has no " + field);
        }
        return value;
    }

    private static String describe(JsonNode item, String nameField) {
        String name = item.isObject() ? PsValues.text(item, nameField) : null;
        return name == null ? "(unnamed)" : "'" + name + "'";
    }

    private static String lowerCase(String id) {
        return id == null ? null : id.toLowerCase(Locale.ROOT);
    }

    private static String relationshipKey(PsWord<RelationshipType> relationship) {
        return relationship.known() == null ? "" : relationship.known().name();
    }

    private static String key(String vmId, String relationship) {
        return vmId.toLowerCase(Locale.ROOT) + "|" + ("Simple".equals(relationship) ? "" : relationship);
    }

    private static String joinErrors(String... errors) {
        List<String> present = new ArrayList<>();
        for (String error : errors) {
            if (error != null) {
                present.add(error);
            }
        }
        return present.isEmpty() ? null : String.join("; ", present);
    }
}
