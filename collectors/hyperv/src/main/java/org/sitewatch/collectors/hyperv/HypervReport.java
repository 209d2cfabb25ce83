package org.sitewatch.collectors.hyperv;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
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
 * One host's snapshot as the script reported it, values read but not yet mapped
 * ({@link HypervReportReader} builds it).
 *
 * @param computerName the host the script ran on
 * @param skipped one reason per record that could not be read (it is left out, not taken as removed)
 * @param replicationError why Get-VMReplication or Measure-VMReplication failed; null when both answered
 */
public record HypervReport(String computerName, String psVersion, Instant collectedAt, List<Vm> vms,
                           List<Replication> replications, Clustering clustering, List<Skip> skipped,
                           String replicationError) {

    /** Which part of the snapshot a skipped record belongs to. */
    public enum Part { VM, REPLICATION, CLUSTER }

    /** A record left out because it could not be read. */
    public record Skip(Part part, String reason) {
    }

    /** One VM of Get-VM. */
    public record Vm(String name, String id, String computerName, PsWord<VmState> state, String status,
                     Boolean clustered, Instant creationTime, PsWord<ReplicationMode> replicationMode) {
    }

    /**
     * One replication relationship of Get-VMReplication, with its Measure-VMReplication statistics
     * when those were reported for the same VM and relationship.
     */
    public record Replication(String vmName, String vmId, String computerName, PsWord<ReplicationState> state,
                              PsWord<ReplicationHealth> health, PsWord<ReplicationMode> mode,
                              PsWord<RelationshipType> relationship, String primaryServer, String replicaServer,
                              String currentReplicaServer, Long frequencySeconds, Instant lastReplicationTime,
                              String testVmId, Statistics statistics) {

        boolean extended() {
            return relationship.is(RelationshipType.Extended);
        }
    }

    /** Measure-VMReplication's statistics of one VM; every field may be null. */
    public record Statistics(Instant lastReplicationTime, Instant lastTestFailoverInitiated, Long pendingBytes,
                             Double averageLatencySeconds, Double maximumLatencySeconds, Long errors,
                             Long successfulCount, Long missedCount, List<String> healthDetails) {
    }

    /**
     * What the host said about Failover Clustering.
     *
     * @param status {@code NotInstalled} (no cluster service: a standalone host), {@code NoCmdlets}
     *     (the service without the PowerShell module), {@code ServiceStopped}, {@code Ok}, {@code Error}
     * @param error the cmdlets' failure while {@code Error}
     */
    public record Clustering(String status, String name, String error, Boolean dynamicQuorum, List<Node> nodes,
                             List<Group> groups, Quorum quorum) {

        boolean ok() {
            return "Ok".equalsIgnoreCase(status);
        }
    }

    /** A cluster node of Get-ClusterNode; {@code unknownFlags} holds status words or bits not in the enum. */
    public record Node(String name, String id, PsWord<NodeState> state, EnumSet<NodeStatusFlag> flags,
                       List<String> unknownFlags, PsWord<DrainStatus> drain, Long nodeWeight, Long dynamicWeight) {
    }

    /**
     * A cluster group (role) of Get-ClusterGroup; {@code ownerNode} is the owner's name, {@code vmId}
     * the Hyper-V VM id of a VirtualMachine role (its resource's VmID parameter) when the script
     * could read it.
     */
    public record Group(String name, String id, String ownerNode, PsWord<GroupState> state, PsWord<GroupType> type,
                        String statusInformation, Boolean coreGroup, String vmId) {
    }

    /** Get-ClusterQuorum: the type and its witness resource (name, resource type, state). */
    public record Quorum(PsWord<QuorumType> type, String resource, String resourceType, String resourceState) {
    }
}
