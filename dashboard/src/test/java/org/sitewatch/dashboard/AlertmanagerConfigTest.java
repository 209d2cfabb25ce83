package org.sitewatch.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.sitewatch.testsupport.ExternalTools;

/** {@code dashboard/alertmanager/alertmanager.yml} is a valid Alertmanager configuration (the real amtool, offline). */
class AlertmanagerConfigTest {

    private static final Path CONFIG = Dashboards.ALERTMANAGER_DIR.resolve("alertmanager.yml");

    @Test
    void shouldPassAmtoolCheckConfig() throws Exception {
        Path amtool = ExternalTools.require("amtool");
        assertThat(CONFIG).exists();
        ExternalTools.Result r = ExternalTools.run(Dashboards.ALERTMANAGER_DIR, amtool.toString(), "check-config", CONFIG.toString());
        assertThat(r.exitCode()).as(r.output()).isZero();
        assertThat(r.output()).contains("SUCCESS");
    }

    @Test
    void shouldRouteBySeverityAndGroupBySite() throws Exception {
        String yaml = Files.readString(CONFIG);
        assertThat(yaml).contains("group_by: ['site']")
                .contains("matchers: ['severity=\"critical\"']")
                .contains("matchers: ['severity=\"warning\"']");
    }
}
