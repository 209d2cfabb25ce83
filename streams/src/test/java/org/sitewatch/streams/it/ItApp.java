package org.sitewatch.streams.it;

import java.nio.file.Path;
import java.util.Map;
import org.sitewatch.streams.config.SitewatchStreamsConfiguration;
import org.sitewatch.testsupport.RunningApp;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;

/** Test-only application: the streams app as the launcher hosts it, nothing else. */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(SitewatchStreamsConfiguration.class)
public class ItApp {

    /**
     * One instance of it on the broker at {@code bootstrapServers}, with its web server on a free port;
     * meters are not refreshed (nothing here reads them) and a closing instance hands its tasks over
     * within 20 s.
     */
    static RunningApp start(String bootstrapServers, String applicationId, Path stateDir) {
        return RunningApp.startStreams(ItApp.class, bootstrapServers, applicationId, stateDir, Map.of(
                "sitewatch.streams.close-timeout", "20s",
                "sitewatch.views.retry-after", "1s"));
    }
}
