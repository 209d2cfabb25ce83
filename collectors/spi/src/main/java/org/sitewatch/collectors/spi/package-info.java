/**
 * The vendor-neutral collector SPI. A vendor plug-in implements {@link org.sitewatch.collectors.spi.CollectorFactory},
 * registers it in {@code META-INF/services}, and returns either a
 * {@link org.sitewatch.collectors.spi.PollingSource} (reads the full current state on demand) or a
 * {@link org.sitewatch.collectors.spi.PushSource} (vendor callbacks, watches, event collectors).
 * Nothing here knows a vendor, Kafka or Spring; vendor packages depend on this package only.
 */
package org.sitewatch.collectors.spi;
