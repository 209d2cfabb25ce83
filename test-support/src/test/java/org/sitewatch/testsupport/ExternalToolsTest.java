package org.sitewatch.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A missing tool fails the tests that need it with the exact install command; it never skips them. */
class ExternalToolsTest {

    @TempDir
    Path dir;

    @Test
    void shouldFailWithTheExactInstallCommandWhenAToolIsMissing() {
        assertThatThrownBy(() -> ExternalTools.require("no-such-tool-sitewatch"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("no-such-tool-sitewatch is not installed")
                .hasMessageContaining("apt-get install -y --no-install-recommends prometheus prometheus-alertmanager chromium");
    }

    @Test
    void shouldNameTheDebianPackageOfAKnownTool() {
        assertThat(ExternalTools.INSTALL_COMMAND).contains("prometheus-alertmanager");
        // amtool is found here when installed; the message for a known tool names its package either way
        try {
            assertThat(ExternalTools.require("amtool")).isExecutable();
        } catch (AssertionError missing) {
            assertThat(missing).hasMessageContaining("Debian package prometheus-alertmanager");
        }
    }

    @Test
    void shouldReturnExitCodeAndOutputOfAFinishedCommand() throws Exception {
        ExternalTools.Result r = ExternalTools.run(dir, "sh", "-c", "echo out; echo err >&2; exit 3");
        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.output()).contains("out").contains("err");
    }

    @Test
    void shouldStopACommandThatOutlivesItsTimeout() {
        assertThatThrownBy(() -> ExternalTools.run(dir, Duration.ofMillis(300), List.of("sh", "-c", "echo started; exec sleep 30")))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("did not finish within PT0.3S")
                .hasMessageContaining("started");
    }
}
