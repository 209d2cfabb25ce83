package org.sitewatch.simulator.vsphere;

import java.io.IOException;
import java.util.List;
import org.sitewatch.simulator.front.FrontExchange;

/**
 * A REST API the simulated vCenter's appliances serve below {@code /{cluster}/api/rest/}, such as
 * vSphere Replication's or Site Recovery Manager's. Implementations are registered in
 * {@code META-INF/services/org.sitewatch.simulator.vsphere.VsphereRestApi} and asked in turn; a
 * call none of them takes answers 404 in the appliances' error shape (see {@link RestErrors}).
 * They read the cluster with {@link FrontExchange#read} and write their answers themselves, so
 * they are added without touching the SOAP part.
 */
public interface VsphereRestApi {

    /**
     * Answers the call if it is one of this API's.
     *
     * @param path the path segments after {@code /api/rest}, URL-decoded
     * @return false when the call is not for this API (nothing was written)
     */
    boolean serve(FrontExchange exchange, List<String> path) throws IOException;
}
