package org.sitewatch.collectors.ovirt;

import java.util.Map;
import org.sitewatch.events.HaActionKind;

/**
 * The engine's audit log codes ({@code AuditLogType}) that say something about HA, with the action
 * each becomes. Only events that link a VM become {@code ha.action} records (the contract's action is
 * about a VM); the host-only codes (non responsive, fencing) are listed so the log can name them, and
 * the host's state itself comes from {@code /hosts}.
 */
final class OvirtEventCodes {

    /** One code: its engine name and the action kind. */
    record Code(String name, HaActionKind kind, String meaning) {
    }

    static final Map<Integer, Code> CODES = Map.ofEntries(
            code(9602, "HA_VM_FAILED", HaActionKind.OTHER, "HA VM failed, restart pending"),
            code(9603, "HA_VM_RESTART_FAILED", HaActionKind.ERROR, "restart of the HA VM failed"),
            code(9605, "EXCEEDED_MAXIMUM_NUM_OF_RESTART_HA_VM_ATTEMPTS", HaActionKind.ERROR,
                    "the engine gave up restarting the HA VM"),
            code(506, "VDS_INITIATED_RUN_VM", HaActionKind.RESTART, "the engine restarts the VM on a host"),
            code(507, "VDS_INITIATED_RUN_VM_FAILED", HaActionKind.ERROR, "the engine's restart of the VM failed"),
            code(12, "VDS_FAILURE", HaActionKind.OTHER, "host non responsive"),
            code(9008, "VDS_HOST_NOT_RESPONDING_CONNECTING", HaActionKind.OTHER,
                    "host not responding, in its grace period before fencing"),
            code(9027, "VDS_HOST_NOT_RESPONDING", HaActionKind.OTHER,
                    "host not responding and not fenced (no power management)"),
            code(539, "VDS_AUTO_FENCE_STATUS", HaActionKind.FENCE, "the engine fences the host"),
            code(540, "VDS_AUTO_FENCE_FAILED", HaActionKind.ERROR, "fencing the host failed"),
            code(9017, "FENCE_OPERATION_STARTED", HaActionKind.FENCE, "power management action started"),
            code(9018, "FENCE_OPERATION_SUCCEEDED", HaActionKind.FENCE, "power management action succeeded"),
            code(9019, "FENCE_OPERATION_FAILED", HaActionKind.ERROR, "power management action failed"),
            code(9000, "VDS_ALERT_FENCE_IS_NOT_CONFIGURED", HaActionKind.OTHER, "host has no fencing"),
            code(121, "SYSTEM_VDS_RESTART", HaActionKind.FENCE, "the engine restarted the host"),
            code(143, "VM_WAS_SET_DOWN_DUE_TO_HOST_REBOOT_OR_MANUAL_FENCE", HaActionKind.FENCE,
                    "VM set down after its host was rebooted or fenced"),
            code(119, "VM_DOWN_ERROR", HaActionKind.OTHER, "VM down with an error"),
            code(62, "VM_MIGRATION_START", HaActionKind.OTHER, "migration started"),
            code(67, "VM_MIGRATION_START_SYSTEM_INITIATED", HaActionKind.OTHER, "migration started by the engine"),
            code(63, "VM_MIGRATION_DONE", HaActionKind.MIGRATE, "migration done"),
            code(65, "VM_MIGRATION_FAILED", HaActionKind.ERROR, "migration failed"),
            code(126, "VM_NOT_RESPONDING", HaActionKind.OTHER, "VM not responding"),
            code(139, "VM_PAUSED_ERROR", HaActionKind.OTHER, "VM paused on a storage error"));

    private OvirtEventCodes() {
    }

    private static Map.Entry<Integer, Code> code(int code, String name, HaActionKind kind, String meaning) {
        return Map.entry(code, new Code(name, kind, meaning));
    }
}
