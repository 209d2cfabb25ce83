package org.sitewatch.bench.load;

import org.sitewatch.events.Platform;

/**
 * The size and behaviour of a synthetic estate.
 *
 * @param sites how many sites, each with one collector
 * @param vmsPerSite VMs of each site
 * @param hostsPerSite HA hosts of each site, spread over its clusters
 * @param clustersPerSite HA clusters of each site (at most one per host)
 * @param replicatedPerSite VMs of each site replicated to its partner site, a different site:
 *     site {@code i} replicates to site {@code (i + sites / 2) mod sites}; at most {@code vmsPerSite}
 * @param seed makes the estate and its changes reproducible
 * @param platform the platform the collectors report; the vendor words are Proxmox's
 * @param mix how often each kind of change happens
 */
public record EstateShape(int sites, int vmsPerSite, int hostsPerSite, int clustersPerSite, int replicatedPerSite,
                          long seed, Platform platform, ChangeMix mix) {

    public static final int DEFAULT_HOSTS_PER_SITE = 6;
    public static final long DEFAULT_SEED = 42;

    public EstateShape {
        if (sites < 1 || vmsPerSite < 1 || hostsPerSite < 1) {
            throw new IllegalArgumentException("an estate needs at least one site, one VM and one host per site");
        }
        if (clustersPerSite < 1 || clustersPerSite > hostsPerSite) {
            throw new IllegalArgumentException("clusters per site must be between 1 and the hosts per site (" + hostsPerSite + ")");
        }
        if (replicatedPerSite < 0 || replicatedPerSite > vmsPerSite) {
            throw new IllegalArgumentException("replicated items per site must be between 0 and the VMs per site (" + vmsPerSite + ")");
        }
        if (replicatedPerSite > 0 && sites < 2) {
            throw new IllegalArgumentException("replication goes to a partner site: replicated items need at least two sites");
        }
        if (mix == null || mix.totalWeight() == 0) {
            throw new IllegalArgumentException("the change mix needs at least one kind with a positive weight");
        }
        if (platform == null) {
            throw new IllegalArgumentException("platform is missing");
        }
    }

    /** Six hosts in one cluster per site, Proxmox, the typical mix, seed 42. */
    public static EstateShape of(int sites, int vmsPerSite, int replicatedPerSite) {
        return new EstateShape(sites, vmsPerSite, DEFAULT_HOSTS_PER_SITE, 1, replicatedPerSite, DEFAULT_SEED,
                Platform.PROXMOX, ChangeMix.TYPICAL);
    }

    /** The harness's estate: 50 sites of 200 VMs, 60 of them replicated to the partner site. */
    public static EstateShape benchmarkDefault() {
        return of(50, 200, 60);
    }

    public EstateShape withSeed(long newSeed) {
        return new EstateShape(sites, vmsPerSite, hostsPerSite, clustersPerSite, replicatedPerSite, newSeed, platform, mix);
    }

    public EstateShape withMix(ChangeMix newMix) {
        return new EstateShape(sites, vmsPerSite, hostsPerSite, clustersPerSite, replicatedPerSite, seed, platform, newMix);
    }

    public EstateShape withHosts(int hosts, int clusters) {
        return new EstateShape(sites, vmsPerSite, hosts, clusters, replicatedPerSite, seed, platform, mix);
    }

    /** Events of the initial inventory: every VM, host, cluster and replicated item once, one heartbeat per site. */
    public long inventorySize() {
        return (long) sites * (vmsPerSite + hostsPerSite + clustersPerSite + replicatedPerSite + 1);
    }

    /** The index of the site that site {@code site} replicates to; always another site. */
    public int partnerOf(int site) {
        return (site + Math.max(1, sites / 2)) % sites;
    }
}
