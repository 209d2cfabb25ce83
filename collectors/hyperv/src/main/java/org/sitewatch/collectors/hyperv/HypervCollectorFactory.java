package org.sitewatch.collectors.hyperv;

import javax.net.ssl.SSLContext;
import org.sitewatch.collectors.hyperv.wsman.WsmanAuth;
import org.sitewatch.collectors.hyperv.wsman.WsmanClient;
import org.sitewatch.collectors.spi.CollectorContext;
import org.sitewatch.collectors.spi.CollectorException;
import org.sitewatch.collectors.spi.CollectorFactory;
import org.sitewatch.collectors.spi.CollectorSource;
import org.sitewatch.collectors.spi.EndpointConfig;
import org.sitewatch.collectors.spi.http.TlsContexts;
import org.sitewatch.events.Platform;

/**
 * The Microsoft Hyper-V plug-in, registered in {@code META-INF/services}: one standalone host or one
 * failover cluster per endpoint, its block {@code endpoints[n].hyperv.*} bound onto
 * {@link HypervSettings} and checked at start-up.
 *
 * <p>Its only state is the {@link TestFailoverBoard} its endpoints share, so a replica site's
 * endpoint can hand its test failovers to the primary's endpoint in the same runtime.
 */
public final class HypervCollectorFactory implements CollectorFactory {

    private final TestFailoverBoard testFailovers = new TestFailoverBoard();

    @Override
    public Platform platform() {
        return Platform.HYPERV;
    }

    @Override
    public Class<HypervSettings> settingsType() {
        return HypervSettings.class;
    }

    @Override
    public CollectorSource create(EndpointConfig endpoint, CollectorContext context) throws CollectorException {
        HypervSettings settings = endpoint.settings(HypervSettings.class);
        String block = endpoint.vendor().key();
        SSLContext tls = TlsContexts.create(settings.caFile(), settings.insecureSkipTlsVerify(), block + ".ca-file");
        WsmanAuth login = settings.wsmanAuth(); // one per endpoint: its nodes share a Kerberos login
        return new HypervCollector(endpoint, settings,
                listener -> new WsmanClient(settings.wsmanTarget(listener, login, tls, block))::runPowerShell,
                testFailovers, context.clock());
    }
}
