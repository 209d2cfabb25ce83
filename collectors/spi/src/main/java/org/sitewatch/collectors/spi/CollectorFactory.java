package org.sitewatch.collectors.spi;

import java.util.List;
import org.sitewatch.collectors.spi.settings.NoSettings;
import org.sitewatch.collectors.spi.settings.SettingsBinder;
import org.sitewatch.collectors.spi.settings.SettingsException;
import org.sitewatch.events.Platform;

/**
 * Entry point of a vendor plug-in, discovered with {@link java.util.ServiceLoader}: list the
 * implementation in {@code META-INF/services/org.sitewatch.collectors.spi.CollectorFactory}.
 * One factory serves one {@link Platform}; it creates one source per configured endpoint.
 *
 * <p>A plug-in declares its settings record with {@link #settingsType()}; the endpoint's block
 * {@code endpoints[n].<platform>.*} is bound onto it, and checked at start-up by {@link #validate}.
 *
 * <p>Limits: factories must be stateless and cheap to construct, since the runtime instantiates
 * every registered one at start-up.
 */
public interface CollectorFactory {

    /** The platform this plug-in collects from; at most one factory per platform. */
    Platform platform();

    /**
     * The record the endpoint's vendor block binds onto (see {@link SettingsBinder} for the rules);
     * {@link NoSettings} for a plug-in without settings.
     */
    default Class<? extends Record> settingsType() {
        return NoSettings.class;
    }

    /**
     * Creates the source for one endpoint; read the settings with
     * {@code endpoint.settings(MySettings.class)}. Throwing a permanent {@link CollectorException}
     * (for example an unreadable CA file) does not stop the application: the runtime reports it in
     * the endpoint's heartbeat and tries again slowly, so the file can be fixed without a restart.
     */
    CollectorSource create(EndpointConfig endpoint, CollectorContext context) throws CollectorException;

    /**
     * Checks the endpoint's vendor block before anything starts: by default, that it binds onto
     * {@link #settingsType()} (required keys, formats, secrets readable, no unknown key). Each entry
     * is a readable problem starting with the full key; the application refuses to start when any
     * endpoint has one.
     */
    default List<String> validate(EndpointConfig endpoint) {
        try {
            endpoint.vendor().bind(settingsType(), new SettingsBinder());
            return List.of();
        } catch (SettingsException e) {
            return e.problems();
        }
    }
}
