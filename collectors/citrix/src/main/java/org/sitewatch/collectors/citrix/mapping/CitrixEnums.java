package org.sitewatch.collectors.citrix.mapping;

/**
 * The Monitor Service enums the collector reads, with the integer codes of Citrix's
 * "Monitor Service enums" reference (Monitor.Model): machine registration, power, fault, life
 * cycle and role, and the deregistration reasons. A code missing here is kept as
 * {@link CitrixCode#UNKNOWN} with its integer, so a newer Monitor Service does not break a poll.
 */
public final class CitrixEnums {

    /** {@code Machines.CurrentRegistrationState}. */
    public static final CitrixCode.Table REGISTRATION_STATE = new CitrixCode.Table("RegistrationState",
            0, "Unknown", 1, "Registered", 2, "Unregistered");

    /** {@code Machines.CurrentPowerState} (enum PowerStateCode). */
    public static final CitrixCode.Table POWER_STATE = new CitrixCode.Table("PowerStateCode",
            0, "Unknown", 1, "Unavailable", 2, "Off", 3, "On", 4, "Suspended", 5, "TurningOn", 6, "TurningOff",
            7, "Suspending", 8, "Resuming", 9, "Unmanaged", 10, "NotSupported", 11, "VirtualMachineNotFound");

    /** {@code Machines.FaultState} (enum MachineFaultStateCode). */
    public static final CitrixCode.Table FAULT_STATE = new CitrixCode.Table("MachineFaultStateCode",
            0, "Unknown", 1, "None", 2, "FailedToStart", 3, "StuckOnBoot", 4, "Unregistered", 5, "MaxCapacity",
            6, "VirtualMachineNotFound");

    /** {@code Machines.LifecycleState}. */
    public static final CitrixCode.Table LIFECYCLE_STATE = new CitrixCode.Table("LifecycleState",
            0, "Active", 1, "Deleted", 2, "RequiresResolution", 3, "Stub");

    /** {@code Machines.MachineRole}. */
    public static final CitrixCode.Table MACHINE_ROLE = new CitrixCode.Table("MachineRole",
            0, "Vda", 1, "Ddc", 2, "Both");

    /**
     * {@code Machines.LastDeregisteredCode} (enum DeregistrationReason); 107 and 302 appear only in
     * older copies of the reference and are kept so older controllers' codes keep their names.
     */
    public static final CitrixCode.Table DEREGISTRATION_REASON = new CitrixCode.Table("DeregistrationReason",
            0, "AgentShutdown", 1, "AgentSuspended", 2, "AgentRequested",
            100, "IncompatibleVersion", 101, "AgentAddressResolutionFailed", 102, "AgentNotContactable",
            103, "AgentWrongActiveDirectoryOU", 104, "EmptyRegistrationRequest", 105, "MissingRegistrationCapabilities",
            106, "MissingAgentVersion", 107, "InconsistentRegistrationCapabilities", 108, "NotLicensedForFeature",
            109, "UnsupportedCredentialSecurityVersion", 110, "InvalidRegistrationRequest",
            111, "SingleMultiSessionMismatch", 112, "FunctionalLevelTooLowForCatalog",
            113, "FunctionalLevelTooLowForDesktopGroup", 114, "OSNotCompatibleWithDdc", 115, "VMNotCompatibleWithDdc",
            200, "PowerOff", 201, "DesktopRestart", 202, "DesktopRemoved", 203, "AgentRejectedSettingsUpdate",
            204, "SendSettingsFailure", 205, "SessionAuditFailure", 206, "SessionPrepareFailure", 207, "ContactLost",
            208, "SettingsCreationFailure",
            300, "UnknownError", 301, "BrokerRegistrationLimitReached", 302, "RegistrationStateMismatch",
            400, "None", 401, "HypervisorReportedFailure", 402, "HypervisorRateLimitExceeded",
            1000, "HardRegistrationPending", 1001, "SoftRegistered", 1002, "Unknown");

    private CitrixEnums() {
    }
}
