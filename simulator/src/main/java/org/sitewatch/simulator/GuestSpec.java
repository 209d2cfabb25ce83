package org.sitewatch.simulator;

/**
 * A guest (VM or container) as declared in a scenario or added by the {@code vm-add} action.
 *
 * @param vmid        guest id, at least 100
 * @param name        guest name
 * @param node        node the guest starts on
 * @param type        {@code qemu} or {@code lxc}
 * @param running     whether it starts running
 * @param template    whether it is a template
 * @param ha          whether it is HA-managed (gets sid {@code vm:<vmid>} or {@code ct:<vmid>})
 * @param haState     HA request state: started, stopped, enabled, disabled or ignored
 * @param maxcpu      CPU count
 * @param maxmem      memory in bytes
 * @param maxdisk     disk size in bytes
 * @param maxRestart  HA max_restart
 * @param maxRelocate HA max_relocate
 */
public record GuestSpec(int vmid, String name, String node, String type, boolean running,
        boolean template, boolean ha, String haState, int maxcpu, long maxmem, long maxdisk,
        int maxRestart, int maxRelocate) {

    /** The HA resource id PVE uses for this guest: {@code vm:100} or {@code ct:101}. */
    public String sid() {
        return ("lxc".equals(type) ? "ct:" : "vm:") + vmid;
    }
}
