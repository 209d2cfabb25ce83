package org.sitewatch.streams.it;

import org.sitewatch.streams.config.SitewatchStreamsConfiguration;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;

/** Test-only application: the streams app as the launcher hosts it, nothing else. */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(SitewatchStreamsConfiguration.class)
public class ItApp {
}
