package org.sitewatch.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Where a site runs: the cloud provider and its region, or for a site on premises (no cloud) a
 * location name of the operator's choosing. Configured per collector endpoint and carried by its
 * heartbeats, so it is vendor-neutral: a VMware Cloud on AWS SDDC is a vSphere site with
 * {@code cloud=aws}, an Azure subscription's site has {@code cloud=azure}.
 *
 * @param cloud the provider as one lower-case word, e.g. {@code aws}, {@code azure}, {@code gcp};
 *     null on premises
 * @param region the provider's region id ({@code eu-central-1}, {@code westeurope}) or, on
 *     premises, a location name ({@code Paris DC1}); null when not known
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SiteLocation(String cloud, String region) {

    /** Letters and digits, starting with a letter: a word that is safe as a metric label and in URLs. */
    public static final Pattern CLOUD = Pattern.compile("[a-z][a-z0-9]{1,31}");
    /** Letters, digits, spaces and {@code . _ - ( )}, starting with a letter or digit, at most 64. */
    public static final Pattern REGION = Pattern.compile("[\\p{L}\\p{N}](?:[\\p{L}\\p{N} ._()-]{0,62}[\\p{L}\\p{N})])?");
    /** Words people write for "not in a cloud": the absence of a cloud says that. */
    private static final Set<String> ON_PREMISES_WORDS = Set.of("none", "onprem", "onpremises", "onpremise", "local");

    public SiteLocation {
        if (cloud == null && region == null) {
            throw new IllegalArgumentException("a site location needs a cloud, a region or both");
        }
        if (cloud != null) {
            checkCloud(cloud);
        }
        if (region != null) {
            checkRegion(region);
        }
    }

    /** @throws IllegalArgumentException saying what is wrong with {@code cloud} and showing it */
    public static void checkCloud(String cloud) {
        if (!CLOUD.matcher(cloud).matches()) {
            throw new IllegalArgumentException("cloud must be a lower-case provider word such as aws, azure or gcp "
                    + "(letters and digits, 2 to 32) but was '" + cloud + "'");
        }
        if (ON_PREMISES_WORDS.contains(cloud)) {
            throw new IllegalArgumentException("cloud '" + cloud + "' is not a provider: leave cloud out for a site "
                    + "on premises (a region may still name its location)");
        }
    }

    /** @throws IllegalArgumentException saying what is wrong with {@code region} and showing it */
    public static void checkRegion(String region) {
        if (!REGION.matcher(region).matches()) {
            throw new IllegalArgumentException("region must be the provider's region id (e.g. eu-central-1) or a "
                    + "location name: letters, digits, spaces, '.', '_', '-', '(' or ')', at most 64, but was '"
                    + region + "'");
        }
    }

    /**
     * The location of the configured values, blank ones counting as not set; null when neither is set.
     *
     * @throws IllegalArgumentException naming the bad value
     */
    public static SiteLocation of(String cloud, String region) {
        String c = blankToNull(cloud);
        String r = blankToNull(region);
        return c == null && r == null ? null : new SiteLocation(c, r);
    }

    /** True for a site in no cloud. */
    public boolean onPremises() {
        return cloud == null;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
