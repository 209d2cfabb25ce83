package org.sitewatch.collectors.hyperv;

/**
 * The Hyper-V and Failover Clustering enums the snapshot reads, with the integer codes of the
 * PowerShell modules (Hyper-V 2.0.0.0 and FailoverClusters 2.0.0.0, as listed in the vendor facts
 * sections 1.2, 1.4 and 1.6). Note that WMI's {@code Msvm_*} classes use different codes for some
 * of the same words: these are the PowerShell ones only.
 */
final class HypervEnums {

    private HypervEnums() {
    }

    /** {@code VMReplicationState}. {@code FiredrillInProgress} is spelt as the module spells it. */
    enum ReplicationState implements Coded {
        Disabled(0), ReadyForInitialReplication(1), InitialReplicationInProgress(2), WaitingForInitialReplication(3),
        Replicating(4), PreparedForFailover(5), FailedOverWaitingCompletion(6), FailedOver(7), Suspended(8), Error(9),
        WaitingForStartResynchronize(10), Resynchronizing(11), ResynchronizeSuspended(12), RecoveryInProgress(13),
        FailbackInProgress(14), FailbackComplete(15), WaitingForUpdateCompletion(16), UpdateError(17),
        WaitingForRepurposeCompletion(18), PreparedForSyncReplication(19), PreparedForGroupReverseReplication(20),
        FiredrillInProgress(21);

        private final int code;

        ReplicationState(int code) {
            this.code = code;
        }

        @Override
        public int code() {
            return code;
        }
    }

    /** {@code VMReplicationHealthState}. */
    enum ReplicationHealth implements Coded {
        NotApplicable(0), Normal(1), Warning(2), Critical(3);

        private final int code;

        ReplicationHealth(int code) {
            this.code = code;
        }

        @Override
        public int code() {
            return code;
        }
    }

    /** {@code VMReplicationMode}: which end of a replication this host's copy of the VM is. */
    enum ReplicationMode implements Coded {
        None(0), Primary(1), Replica(2), TestReplica(3), ExtendedReplica(4);

        private final int code;

        ReplicationMode(int code) {
            this.code = code;
        }

        @Override
        public int code() {
            return code;
        }
    }

    /** {@code VMReplicationRelationshipType}: Simple is primary to replica, Extended replica to extended replica. */
    enum RelationshipType implements Coded {
        Simple(0), Extended(1);

        private final int code;

        RelationshipType(int code) {
            this.code = code;
        }

        @Override
        public int code() {
            return code;
        }
    }

    /** {@code VMState} of Get-VM; the {@code *Critical} variants mean the VM's storage is in trouble. */
    enum VmState implements Coded {
        Other(1), Running(2), Off(3), Stopping(4), Saved(6), Paused(9), Starting(10), Reset(11), Saving(32773),
        Pausing(32776), Resuming(32777), FastSaved(32779), FastSaving(32780), ForceShutdown(32781), ForceReboot(32782),
        Hibernated(32783), ComponentServicing(32784), RunningCritical(32785), OffCritical(32786),
        StoppingCritical(32787), SavedCritical(32788), PausedCritical(32789), StartingCritical(32790),
        ResetCritical(32791), SavingCritical(32792), PausingCritical(32793), ResumingCritical(32794),
        FastSavedCritical(32795), FastSavingCritical(32796);

        private final int code;

        VmState(int code) {
            this.code = code;
        }

        @Override
        public int code() {
            return code;
        }
    }

    /** {@code ClusterNodeState}. */
    enum NodeState implements Coded {
        Unknown(-1), Up(0), Down(1), Paused(2), Joining(3);

        private final int code;

        NodeState(int code) {
            this.code = code;
        }

        @Override
        public int code() {
            return code;
        }
    }

    /** {@code ClusterNodeStatusInformation}: flags, sent as a sum or as comma-separated names. */
    enum NodeStatusFlag implements Coded {
        Normal(0), Isolated(1), Quarantined(2), DrainInProgress(4), DrainCompleted(8), DrainFailed(16),
        AvoidPlacement(32);

        private final int code;

        NodeStatusFlag(int code) {
            this.code = code;
        }

        @Override
        public int code() {
            return code;
        }
    }

    /** {@code ClusterNodeDrainStatus}. */
    enum DrainStatus implements Coded {
        NotInitiated(0), InProgress(1), Completed(2), Failed(3);

        private final int code;

        DrainStatus(int code) {
            this.code = code;
        }

        @Override
        public int code() {
            return code;
        }
    }

    /** {@code ClusterGroupState}. */
    enum GroupState implements Coded {
        Unknown(-1), Online(0), Offline(1), Failed(2), PartialOnline(3), Pending(4);

        private final int code;

        GroupState(int code) {
            this.code = code;
        }

        @Override
        public int code() {
            return code;
        }
    }

    /** The {@code GroupType} values the facts list (the module has more; those read as unknown words). */
    enum GroupType implements Coded {
        FileServer(100), GenericService(108), VirtualMachine(111), ScaleoutFileServer(114), VMReplicaBroker(115),
        InfrastructureFileServer(122), Unknown(9999);

        private final int code;

        GroupType(int code) {
            this.code = code;
        }

        @Override
        public int code() {
            return code;
        }
    }

    /** {@code ClusterQuorumType}; on Windows Server 2016 and later the witness resource tells the Majority kinds apart. */
    enum QuorumType implements Coded {
        Unknown(0), Majority(1), DiskOnly(2);

        private final int code;

        QuorumType(int code) {
            this.code = code;
        }

        @Override
        public int code() {
            return code;
        }
    }
}
