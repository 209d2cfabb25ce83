package org.sitewatch.collectors.vmware.replication;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.sitewatch.collectors.spi.settings.InvalidSettingException;
import org.sitewatch.collectors.spi.settings.Redactor;
import org.sitewatch.collectors.spi.settings.Required;
import org.sitewatch.collectors.spi.settings.UserPassword;

/**
 * The vSphere Replication block of a vCenter endpoint, {@code endpoints[n].vsphere.replication.*}:
 * the VR appliance next to this vCenter and, optionally, the Site Recovery Manager that tests its
 * recovery plans.
 *
 * @param url the vSphere Replication appliance, e.g. {@code https://vr-a.example.org} (the client adds
 *     {@code /api/rest/vr/v2}; a URL that already ends with it is taken as it is)
 * @param login a vCenter SSO user the gateways accept; null to use the vCenter endpoint's own login
 * @param srmUrl the Site Recovery Manager appliance of this site, e.g. {@code https://srm-a.example.org}
 *     (the client adds {@code /api/rest/srm/v2}); null when there is none: items then carry no test failover
 * @param caFile PEM file of the CA that signed the appliances' certificates; null for the JVM's trust store
 * @param insecureSkipTlsVerify accept any certificate (labs only)
 * @param sites where the other ends of the replications stand: a vCenter's instance UUID (as in
 *     {@code target_vc_id}) or a VR/SRM site name (as in {@code target_site_name}) to the Sitewatch
 *     site, e.g. {@code 7b2f3d6d-0000-4000-8000-00000000000b: london-dr}. Matched ignoring case. A
 *     key holding dots must be bracketed in YAML ({@code "[vc-b.example.org]": london-dr}), else
 *     Spring splits it; the UUIDs need no brackets. The local vCenter needs no entry.
 * @param srmRefresh how long a read of SRM's test history is reused (default 1 min; 0 reads it every poll):
 *     test failovers are rare and the read costs one call per protection group and recovery plan
 */
public record ReplicationSettings(
        @Required(example = "https://vr-a.example.org") URI url,
        UserPassword login,
        URI srmUrl,
        Path caFile,
        boolean insecureSkipTlsVerify,
        @Required(example = "{7b2f3d6d-0000-4000-8000-00000000000b: london-dr}") Map<String, String> sites,
        Duration srmRefresh) {

    static final Duration DEFAULT_SRM_REFRESH = Duration.ofMinutes(1);

    public ReplicationSettings {
        checkAppliance(url, "url", "https://vr-a.example.org");
        if (srmUrl != null) {
            checkAppliance(srmUrl, "srm-url", "https://srm-a.example.org");
        }
        if (sites.isEmpty()) {
            throw new InvalidSettingException("sites", "must name the Sitewatch site of at least one remote vCenter "
                    + "(its instance UUID or VR site name: site), e.g. 7b2f3d6d-0000-4000-8000-00000000000b: london-dr");
        }
        Map<String, String> byKey = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : sites.entrySet()) {
            if (e.getKey() == null || e.getKey().isBlank()) {
                throw new InvalidSettingException("sites", "has an entry without a vCenter UUID or site name");
            }
            if (e.getValue() == null || e.getValue().isBlank()) {
                throw new InvalidSettingException("sites." + e.getKey(), "must name a Sitewatch site");
            }
            String previous = byKey.put(e.getKey().trim().toLowerCase(Locale.ROOT), e.getValue().trim());
            if (previous != null && !previous.equals(e.getValue().trim())) {
                throw new InvalidSettingException("sites." + e.getKey(), "is given twice (keys are compared ignoring "
                        + "case) with different sites: " + previous + " and " + e.getValue().trim());
            }
        }
        sites = Collections.unmodifiableMap(byKey);
        srmRefresh = srmRefresh == null ? DEFAULT_SRM_REFRESH : srmRefresh;
        if (srmRefresh.isNegative()) {
            throw new InvalidSettingException("srm-refresh", "must not be negative but was " + srmRefresh);
        }
    }

    /** The Sitewatch site of a vCenter UUID or VR/SRM site name, ignoring case; empty when {@code sites} lacks it. */
    public Optional<String> siteOf(String vcenterOrSiteName) {
        if (vcenterOrSiteName == null || vcenterOrSiteName.isBlank()) {
            return Optional.empty();
        }
        return Optional.ofNullable(sites.get(vcenterOrSiteName.trim().toLowerCase(Locale.ROOT)));
    }

    /** This block's login, else the vCenter endpoint's. */
    public UserPassword loginOr(UserPassword vcenterLogin) {
        return login != null ? login : vcenterLogin;
    }

    private static void checkAppliance(URI url, String key, String example) {
        if (!"https".equals(url.getScheme()) && !"http".equals(url.getScheme())) {
            throw new InvalidSettingException(key, "must start with https:// (e.g. " + example + ")");
        }
        if (url.getUserInfo() != null) {
            throw new InvalidSettingException(key, "must not hold a user or password: give them as login.username and "
                    + "login.password-env (or leave login out to use the vCenter's)");
        }
        if (url.getQuery() != null || url.getFragment() != null) {
            throw new InvalidSettingException(key, "must be the appliance's address without a query, e.g. " + example);
        }
    }

    /** Safe to log: secrets show only their origin, URLs lose user info and secret parameters. */
    @Override
    public String toString() {
        return Redactor.describe(this);
    }
}
