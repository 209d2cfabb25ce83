package org.sitewatch.simulator.libvirt;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.sitewatch.simulator.engine.GuestState;

/**
 * What one guest of a libvirt cluster should look like on the test driver: a persistent domain
 * named after the guest, with a UUID derived from the cluster and vmid (so the same guest keeps its
 * UUID across runs and a guest of another cluster never takes it), running or shut off.
 */
record MirroredDomain(UUID uuid, String name, long memoryKib, int vcpus, boolean running) {

    private static final long MIN_MEMORY_KIB = 1024;

    /** @param hostOnline whether the guest's host is up: a host that is down runs nothing */
    static MirroredDomain of(String cluster, GuestState guest, boolean hostOnline) {
        return new MirroredDomain(uuidOf(cluster, guest.vmid()), guest.spec().name(),
                Math.max(MIN_MEMORY_KIB, guest.spec().maxmem() / 1024), Math.max(1, guest.spec().maxcpu()),
                guest.running() && hostOnline);
    }

    static UUID uuidOf(String cluster, int vmid) {
        return UUID.nameUUIDFromBytes(("sitewatch-simulator/libvirt/" + cluster + "/" + vmid)
                .getBytes(StandardCharsets.UTF_8));
    }

    /** The domain XML the test driver is given (its {@code type='test'} accepts this minimal form). */
    String xml() {
        return "<domain type='test'>"
                + "<name>" + escape(name) + "</name>"
                + "<uuid>" + uuid + "</uuid>"
                + "<memory unit='KiB'>" + memoryKib + "</memory>"
                + "<currentMemory unit='KiB'>" + memoryKib + "</currentMemory>"
                + "<vcpu>" + vcpus + "</vcpu>"
                + "<os><type>hvm</type></os>"
                + "</domain>";
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("'", "&apos;")
                .replace("\"", "&quot;");
    }
}
