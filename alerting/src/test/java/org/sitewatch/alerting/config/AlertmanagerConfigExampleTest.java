package org.sitewatch.alerting.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.sitewatch.alerting.support.Executables;

/** {@code dashboard/alertmanager/alertmanager.yml} is a valid Alertmanager config (amtool, offline). */
class AlertmanagerConfigExampleTest {

    private static final Path CONFIG = Path.of("..", "dashboard", "alertmanager", "alertmanager.yml");

    @Test
    void shouldPassAmtoolCheckConfig() throws Exception {
        Path amtool = Executables.require("amtool", "prometheus-alertmanager");
        assertThat(CONFIG).exists();
        Process p = new ProcessBuilder(amtool.toString(), "check-config", CONFIG.toString()).redirectErrorStream(true).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String output = new String(p.getInputStream().readAllBytes());
        assertThat(p.exitValue()).as(output).isZero();
        assertThat(output).contains("SUCCESS");
    }

    @Test
    void shouldRouteBySeverityAndGroupBySite() throws Exception {
        String yaml = Files.readString(CONFIG);
        assertThat(yaml).contains("group_by: ['site']")
                .contains("matchers: ['severity=\"critical\"']")
                .contains("matchers: ['severity=\"warning\"']");
    }
}
