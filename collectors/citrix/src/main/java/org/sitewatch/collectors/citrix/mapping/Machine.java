package org.sitewatch.collectors.citrix.mapping;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One record of the Monitor Service's {@code Machines} entity set, with the fields the collector
 * selects, enums decoded (see {@link CitrixEnums}).
 *
 * @param id the machine's {@code Id} (a GUID)
 * @param name {@code Name}, {@code DOMAIN\host}; the DNS name or the id when absent
 * @param hostingServer {@code HostingServerName}: the hypervisor host it runs on; null when unknown
 * @param groupId {@code DesktopGroupId}; null for a machine in no delivery group
 * @param groupName the expanded {@code DesktopGroup}'s {@code Name}; the id when not expanded
 * @param lastDeregistration {@code LastDeregisteredCode}; null when the machine never deregistered
 * @param sessions {@code CurrentSessionCount}; null when not sent
 */
public record Machine(String id, String name, String hostingServer, String groupId, String groupName,
                      CitrixCode lifecycle, CitrixCode role, CitrixCode registration, CitrixCode power, CitrixCode fault,
                      CitrixCode lastDeregistration, boolean maintenance, Integer sessions) {

    /** The fields {@link #parse} reads, for the query's {@code $select}. */
    public static final String SELECTED_FIELDS = "Id,Name,DnsName,HostingServerName,DesktopGroupId,LifecycleState,"
            + "MachineRole,CurrentRegistrationState,CurrentPowerState,FaultState,LastDeregisteredCode,"
            + "IsInMaintenanceMode,CurrentSessionCount";

    /** Reads one record of a {@code Machines} answer. */
    public static Machine parse(JsonNode record) throws UnusableMachineException {
        if (record == null || !record.isObject()) {
            throw new UnusableMachineException("a Machines entry is not an object: " + record);
        }
        String id = ODataValues.text(record, "Id");
        if (id == null) {
            throw new UnusableMachineException("a machine without Id (Name " + ODataValues.text(record, "Name") + ")");
        }
        try {
            String name = firstOf(ODataValues.text(record, "Name"), ODataValues.text(record, "DnsName"), id);
            String groupId = ODataValues.text(record, "DesktopGroupId");
            JsonNode group = record.get("DesktopGroup");
            String groupName = group != null && group.isObject() ? ODataValues.text(group, "Name") : null;
            if (groupId == null && group != null && group.isObject()) {
                groupId = ODataValues.text(group, "Id");
            }
            return new Machine(id, name, ODataValues.text(record, "HostingServerName"), groupId,
                    groupName != null ? groupName : groupId,
                    code(CitrixEnums.LIFECYCLE_STATE, record, "LifecycleState", 0),
                    code(CitrixEnums.MACHINE_ROLE, record, "MachineRole", 0),
                    code(CitrixEnums.REGISTRATION_STATE, record, "CurrentRegistrationState", 0),
                    code(CitrixEnums.POWER_STATE, record, "CurrentPowerState", 0),
                    code(CitrixEnums.FAULT_STATE, record, "FaultState", 0),
                    optionalCode(CitrixEnums.DEREGISTRATION_REASON, record, "LastDeregisteredCode"),
                    ODataValues.bool(record, "IsInMaintenanceMode", false),
                    ODataValues.integer(record, "CurrentSessionCount"));
        } catch (UnusableMachineException e) {
            throw new UnusableMachineException("machine " + id + ": " + e.getMessage());
        }
    }

    private static CitrixCode code(CitrixCode.Table table, JsonNode record, String field, int whenAbsent)
            throws UnusableMachineException {
        Integer value = ODataValues.integer(record, field);
        return table.of(value == null ? whenAbsent : value);
    }

    private static CitrixCode optionalCode(CitrixCode.Table table, JsonNode record, String field)
            throws UnusableMachineException {
        Integer value = ODataValues.integer(record, field);
        return value == null ? null : table.of(value);
    }

    private static String firstOf(String... values) {
        for (String v : values) {
            if (v != null) {
                return v;
            }
        }
        return null;
    }
}
