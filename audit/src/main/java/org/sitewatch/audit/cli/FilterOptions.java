package org.sitewatch.audit.cli;

import java.util.ArrayList;
import java.util.List;
import org.sitewatch.audit.EventFilter;
import picocli.CommandLine.Option;

/** The replay filters; each option is repeatable and takes comma-separated values (OR), options combine with AND. */
public final class FilterOptions {

    @Option(names = "--site", paramLabel = "SITE", description = "Events of this site (replication also by its source or target site).")
    List<String> sites = new ArrayList<>();

    @Option(names = "--peer-site", paramLabel = "SITE", description = "Replication events to or from this site.")
    List<String> peerSites = new ArrayList<>();

    @Option(names = "--platform", paramLabel = "PLATFORM", description = "proxmox, vsphere, hyperv, azure, citrix, ovirt, oraclevm, libvirt, kubevirt.")
    List<String> platforms = new ArrayList<>();

    @Option(names = "--vm", paramLabel = "VM_ID", description = "VM, replication and HA action events of this vendor VM id.")
    List<String> vms = new ArrayList<>();

    @Option(names = "--entity", paramLabel = "SUBJECT", description = "One entity, by subject (vm/paris-dc1/100) or key (paris-dc1/100).")
    List<String> entities = new ArrayList<>();

    @Option(names = "--type", paramLabel = "TYPE", description = "vm.state, ha.host, ha.cluster, ha.action, replication.status, collector.heartbeat (or the full type name).")
    List<String> types = new ArrayList<>();

    EventFilter filter() {
        return EventFilter.of(sites, peerSites, platforms, vms, entities, types);
    }
}
