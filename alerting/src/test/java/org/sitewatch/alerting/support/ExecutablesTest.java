package org.sitewatch.alerting.support;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** A missing tool fails the tests that need it, with how to install it; it never skips them. */
class ExecutablesTest {

    @Test
    void shouldFailWithAnInstallHintWhenAToolIsMissing() {
        assertThatThrownBy(() -> Executables.require("no-such-tool-sitewatch", "prometheus-alertmanager"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("no-such-tool-sitewatch is not on the PATH")
                .hasMessageContaining("apt-get install -y --no-install-recommends prometheus-alertmanager");
    }
}
