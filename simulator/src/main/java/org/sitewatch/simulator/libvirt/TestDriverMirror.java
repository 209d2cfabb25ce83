package org.sitewatch.simulator.libvirt;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.libvirt.Connect;
import org.libvirt.Domain;
import org.libvirt.DomainInfo.DomainState;
import org.libvirt.LibvirtException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps libvirt's {@code test:///default} driver holding exactly a given set of domains in given
 * states. That driver is one in-memory hypervisor per process, shared by every connection opened
 * to it, so a libvirt collector in the same process sees these domains and receives real
 * lifecycle events (defined, started, stopped, undefined) as the mirror changes them. Whatever
 * else the driver holds (its built-in {@code test} domain, a previous cluster's domains) is
 * destroyed and undefined: the driver mirrors one cluster.
 */
final class TestDriverMirror {

    static final String URI = "test:///default";
    private static final Logger LOG = LoggerFactory.getLogger(TestDriverMirror.class);

    private Connect connection;

    /**
     * Brings the driver to {@code wanted}.
     *
     * @throws IllegalStateException when libvirt is missing or a call fails, naming the domain
     */
    synchronized void sync(String cluster, List<MirroredDomain> wanted) {
        Map<UUID, MirroredDomain> byUuid = new LinkedHashMap<>();
        wanted.forEach(d -> byUuid.put(d.uuid(), d));
        String step = "listing the domains";
        try {
            Connect conn = connection();
            Set<UUID> present = new HashSet<>();
            for (Domain d : domains(conn)) {
                UUID uuid = UUID.fromString(d.getUUIDString());
                if (byUuid.containsKey(uuid)) {
                    present.add(uuid);
                } else {
                    step = "removing domain " + d.getName();
                    if (d.isActive() == 1) {
                        d.destroy();
                    }
                    d.undefine();
                    LOG.info("libvirt front: {} removed domain {} from {}", cluster, d.getName(), URI);
                }
                d.free();
            }
            for (MirroredDomain want : byUuid.values()) {
                step = "bringing domain " + want.name() + " to " + (want.running() ? "running" : "shut off");
                Domain d = present.contains(want.uuid()) ? conn.domainLookupByUUID(want.uuid())
                        : conn.domainDefineXML(want.xml());
                apply(d, want);
                d.free();
            }
        } catch (LibvirtException e) {
            throw new IllegalStateException("libvirt front, cluster " + cluster + ": " + step + " on " + URI
                    + " failed: " + e.getMessage(), e);
        }
    }

    private static void apply(Domain d, MirroredDomain want) throws LibvirtException {
        DomainState state = d.getInfo().state;
        if (want.running()) {
            if (state == DomainState.VIR_DOMAIN_PAUSED) {
                d.resume();
            } else if (d.isActive() != 1) {
                d.create();
            }
        } else if (d.isActive() == 1) {
            d.destroy();
        }
    }

    /** Running domains (by id) and defined, inactive ones (by name). */
    private static List<Domain> domains(Connect conn) throws LibvirtException {
        List<Domain> out = new ArrayList<>();
        for (int id : conn.listDomains()) {
            out.add(conn.domainLookupByID(id));
        }
        for (String name : conn.listDefinedDomains()) {
            out.add(conn.domainLookupByName(name));
        }
        return out;
    }

    private Connect connection() throws LibvirtException {
        if (connection == null) {
            LibvirtLibrary.ensureLoaded();
            connection = new Connect(URI);
        }
        return connection;
    }
}
