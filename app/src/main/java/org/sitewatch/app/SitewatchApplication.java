package org.sitewatch.app;

import org.sitewatch.streams.config.SitewatchStreamsConfiguration;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

/**
 * The Spring Boot application that hosts the collectors and the streams app. Which parts run is
 * chosen by properties ({@code sitewatch.collectors.enabled}, {@code sitewatch.streams.enabled});
 * the {@link SitewatchCli} subcommands set them.
 */
@SpringBootApplication
// No scanning of other modules: the streams module is imported, the collectors module is an
// auto-configuration; each decides what it contributes and when.
@Import(SitewatchStreamsConfiguration.class)
public class SitewatchApplication {
}
