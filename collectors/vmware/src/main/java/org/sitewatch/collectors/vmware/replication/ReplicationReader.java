package org.sitewatch.collectors.vmware.replication;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;
import org.sitewatch.collectors.spi.CollectorException;
import org.sitewatch.collectors.spi.EndpointConfig;
import org.sitewatch.collectors.spi.PartialRead;
import org.sitewatch.collectors.spi.Scope;
import org.sitewatch.collectors.spi.http.NotAvailableException;
import org.sitewatch.collectors.spi.http.TlsContexts;
import org.sitewatch.collectors.spi.settings.UserPassword;
import org.sitewatch.events.CollectorErrorKind;
import org.sitewatch.events.EventType;
import org.sitewatch.events.ReplicationStatus;

/**
 * Reads one vCenter's vSphere Replication (and, when configured, its Site Recovery Manager) in one
 * call per poll, for the vSphere collector:
 * <ul>
 *   <li>vSphere Replication answering 5xx, 429, 404/501, timing out or out of reach: no items and a
 *       partial read of replication for scope {@code endpoint vsphere-replication}, so every item
 *       keeps its last state and the site shows the reason;</li>
 *   <li>credentials refused (401 again after a new login, or 403), TLS failures and other 4xx:
 *       thrown, permanent, with a remedy naming the keys of the replication block;</li>
 *   <li>SRM failing in any way: the items are still published, with the test failovers of the last
 *       good SRM read (none before the first), and a partial read for {@code node site-recovery-manager}
 *       says so. That scope is a node no item names (items carry no source host), so the heartbeat
 *       and the site's reasons show it while the freshly read items still replace the last ones;
 *       an endpoint scope would freeze every item, and with it their lag, while SRM is down.</li>
 * </ul>
 * Sessions are kept between polls; an expired one is replaced on its first 401. Not thread-safe.
 */
public final class ReplicationReader {

    /** The scope named when vSphere Replication cannot be read. */
    public static final String VR_SCOPE = "vsphere-replication";
    /** The scope named when Site Recovery Manager cannot be read. */
    public static final String SRM_SCOPE = "site-recovery-manager";

    private final VrClient vr;
    private final SrmClient srm;
    private final ReplicationMapper mapper;
    private final TestFailovers testFailovers;
    private final Duration srmRefresh;
    private Map<String, Instant> lastTests = Map.of();
    private Instant testsReadAt;

    /**
     * @param endpoint the vCenter endpoint (its site, time-out, and settings key {@code <vsphere>})
     * @param settings its {@code <vsphere>.replication} block
     * @param vcenterLogin the vCenter's login, used when the block has none
     * @throws CollectorException permanent CONFIG when the CA file cannot be read or there is no login
     */
    public ReplicationReader(EndpointConfig endpoint, ReplicationSettings settings, UserPassword vcenterLogin)
            throws CollectorException {
        String vsphere = endpoint.vendor().key();
        String block = vsphere + ".replication";
        UserPassword login = settings.loginOr(vcenterLogin);
        if (login == null) {
            throw CollectorException.permanent(CollectorErrorKind.CONFIG, block + ".login is not set and there is no "
                    + "vCenter login to use instead", "Set " + block + ".login (or " + vsphere + ".login)", null);
        }
        SSLContext tls = TlsContexts.create(settings.caFile(), settings.insecureSkipTlsVerify(), block + ".ca-file");
        Duration timeout = endpoint.timeout();
        this.vr = new VrClient(new DrSession(VrClient.apiRoot(settings.url()), login, timeout, tls,
                VrClient.remedies(block, vsphere + ".login")));
        this.srm = settings.srmUrl() == null ? null : new SrmClient(new DrSession(SrmClient.apiRoot(settings.srmUrl()),
                login, timeout, tls, SrmClient.remedies(block, vsphere + ".login")));
        this.mapper = new ReplicationMapper(endpoint.site(), settings, block);
        this.testFailovers = new TestFailovers(endpoint.site(), settings);
        this.srmRefresh = settings.srmRefresh();
    }

    /**
     * Reads every pairing's replications and maps this site's outgoing ones.
     *
     * @param now the poll's instant: lags are measured to it, and the SRM reuse period from it
     * @throws CollectorException only permanent failures of vSphere Replication (see the class comment)
     */
    public ReplicationRead read(Instant now) throws CollectorException {
        List<VrPairing> pairings = new ArrayList<>();
        List<List<JsonNode>> replications = new ArrayList<>();
        try {
            for (VrPairing pairing : vr.pairings()) {
                pairings.add(pairing);
                replications.add(vr.replications(pairing.id()));
            }
        } catch (CollectorException e) {
            if (e.permanent() && !(e instanceof NotAvailableException)) {
                throw e;
            }
            return new ReplicationRead(List.of(), List.of(), List.of(new PartialRead(EventType.REPLICATION_STATUS,
                    Scope.endpoint(VR_SCOPE), e.describe())));
        }
        List<PartialRead> unreadable = new ArrayList<>();
        Map<String, Instant> tests = testFailovers(now, unreadable);
        List<ReplicationStatus> items = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (int i = 0; i < pairings.size(); i++) {
            for (JsonNode info : replications.get(i)) {
                try {
                    ReplicationStatus item = mapper.map(pairings.get(i), info, tests, now);
                    if (item != null) {
                        items.add(item);
                    }
                } catch (UnusableRecordException e) {
                    skipped.add(e.getMessage());
                }
            }
        }
        return new ReplicationRead(items, skipped, unreadable);
    }

    private Map<String, Instant> testFailovers(Instant now, List<PartialRead> unreadable) {
        if (srm == null || (testsReadAt != null && now.isBefore(testsReadAt.plus(srmRefresh)))) {
            return lastTests;
        }
        try {
            lastTests = Map.copyOf(testFailovers.read(srm));
            testsReadAt = now;
        } catch (CollectorException e) {
            unreadable.add(new PartialRead(EventType.REPLICATION_STATUS, Scope.node(SRM_SCOPE), "test failovers from "
                    + "Site Recovery Manager not read (" + (testsReadAt == null ? "none known yet" : "kept from "
                    + testsReadAt) + "): " + e.describe()));
        }
        return lastTests;
    }
}
