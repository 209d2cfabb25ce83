package org.sitewatch.collectors.oraclevm;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The fields of one {@code Vm} that Sitewatch reads.
 *
 * @param runState {@code vmRunState} as sent (null when missing)
 * @param highAvailability {@code highAvailability}; null when missing
 * @param restartActionOnCrash e.g. {@code RESTART}; null when missing
 * @param server {@code serverId}: where it runs; null when it does not run (or is a template)
 * @param pool {@code serverPoolId}; null for an unassigned VM
 */
record OvmVm(OvmRef id, String name, String runState, Boolean highAvailability, String restartActionOnCrash,
             OvmRef server, OvmRef pool) {

    static final String TEMPLATE = "TEMPLATE";

    /** @throws OvmRecordException when a field it needs is missing or of the wrong kind */
    static OvmVm parse(JsonNode vm) {
        if (!vm.isObject()) {
            throw new OvmRecordException("not a JSON object: " + vm.getNodeType());
        }
        OvmRef id = OvmFields.id(vm);
        String name = OvmFields.text(vm, "name");
        return new OvmVm(id, name != null ? name : id.name(), OvmFields.text(vm, "vmRunState"),
                OvmFields.bool(vm, "highAvailability"), OvmFields.text(vm, "restartActionOnCrash"),
                OvmFields.ref(vm, "serverId"), OvmFields.ref(vm, "serverPoolId"));
    }

    boolean template() {
        return TEMPLATE.equalsIgnoreCase(runState);
    }

    boolean ha() {
        return Boolean.TRUE.equals(highAvailability);
    }

    boolean running() {
        return "RUNNING".equalsIgnoreCase(runState);
    }
}
