package org.sitewatch.collectors.azure.mapping;

import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * Which Sitewatch site an Azure region or an on-premises fabric stands in. A region: its
 * {@code sites} entry, else the endpoint's own site when it is the endpoint's region, else the
 * region id itself (an Azure region is a site of its own). An on-premises fabric (a Hyper-V server
 * or cluster, a VMware configuration server, as ASR names it): its {@code sites} entry only, never
 * guessed, so an on-premises → Azure pair lands on the right on-premises site or is reported.
 */
public final class SiteResolver {

    private final String endpointSite;
    private final String endpointRegion;
    private final Function<String, Optional<String>> configured;
    private final String block;

    /**
     * @param endpointRegion the endpoint's configured region ({@code endpoints[n].region}); null when not set
     * @param configured the {@code sites} lookup (ignoring case)
     * @param block the settings block's key, named in skip reasons
     */
    public SiteResolver(String endpointSite, String endpointRegion, Function<String, Optional<String>> configured,
                        String block) {
        this.endpointSite = endpointSite;
        this.endpointRegion = endpointRegion;
        this.configured = configured;
        this.block = block;
    }

    /** The site of an Azure region id such as {@code westeurope}; null for a null region. */
    public String ofRegion(String region) {
        if (region == null) {
            return null;
        }
        // ARM region ids are display names without spaces, lower-cased: "North Europe" is northeurope.
        String id = region.replace(" ", "").trim().toLowerCase(Locale.ROOT);
        return configured.apply(region).or(() -> configured.apply(id))
                .orElseGet(() -> id.equalsIgnoreCase(endpointRegion) ? endpointSite : id);
    }

    /**
     * The site of an on-premises fabric.
     *
     * @param role "source" or "target", for the reason
     * @throws UnusableItemException naming the {@code sites} entry to add
     */
    public String ofFabric(String fabric, String item, String role) {
        if (fabric == null) {
            throw new UnusableItemException("item " + item + ": its " + role + " fabric has no name, so its site "
                    + "is unknown");
        }
        return configured.apply(fabric).orElseThrow(() -> new UnusableItemException("item " + item + ": its " + role
                + " " + fabric + " is on premises and in no Sitewatch site: add " + block + ".sites." + fabric
                + ": <site>"));
    }

    /** The configured site of a name, if any. */
    public Optional<String> configured(String name) {
        return name == null ? Optional.empty() : configured.apply(name);
    }
}
