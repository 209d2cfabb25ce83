package org.sitewatch.collectors.oraclevm;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sitewatch.collectors.spi.settings.SettingsBinder;
import org.sitewatch.collectors.spi.settings.SettingsException;

/** The {@code oraclevm} block bound by the SPI's binder, and each problem named under its full key. */
class OracleVmSettingsTest {

    private static final String BLOCK = "sitewatch.collectors.endpoints[0].oraclevm";
    private static final String PASSWORD = "ovm-pass-never-shown";

    private final SettingsBinder binder = new SettingsBinder(Map.of("OVM_PASSWORD", PASSWORD)::get);

    private static Map<String, Object> block(String url, String username) {
        Map<String, Object> login = new LinkedHashMap<>();
        login.put("username", username);
        login.put("password-env", "OVM_PASSWORD");
        Map<String, Object> block = new LinkedHashMap<>();
        if (url != null) {
            block.put("url", url);
        }
        block.put("login", login);
        return block;
    }

    private List<String> problems(Map<String, Object> tree) {
        try {
            binder.bind(BLOCK, tree, OracleVmSettings.class);
        } catch (SettingsException e) {
            assertThat(e.getMessage()).doesNotContain(PASSWORD);
            return e.problems();
        }
        throw new AssertionError("expected binding to fail");
    }

    @Test
    void addsTheRestRootToTheManagersAddress() {
        OracleVmSettings s = binder.bind(BLOCK, block("https://ovmm.example.org:7002", "admin"), OracleVmSettings.class);

        assertThat(s.restRoot()).isEqualTo(URI.create("https://ovmm.example.org:7002/ovm/core/wsapi/rest"));
        assertThat(s.login().password().reveal()).isEqualTo(PASSWORD);
        assertThat(s.maxResponseBytes()).isEqualTo(32L * 1024 * 1024);
        assertThat(s.toString()).doesNotContain(PASSWORD);
    }

    @Test
    void takesTheRestRootAsGivenToo() {
        for (String url : List.of("https://ovmm:7002/ovm/core/wsapi/rest", "https://ovmm:7002/ovm/core/wsapi/rest/",
                "https://ovmm:7002/")) {
            assertThat(binder.bind(BLOCK, block(url, "admin"), OracleVmSettings.class).restRoot())
                    .isEqualTo(URI.create("https://ovmm:7002/ovm/core/wsapi/rest"));
        }
    }

    @Test
    void namesEachProblemUnderItsKey() {
        assertThat(problems(block(null, "admin"))).singleElement().asString().contains(BLOCK + ".url");
        assertThat(problems(block("ftp://ovmm:7002", "admin"))).singleElement().asString()
                .contains(BLOCK + ".url").contains("https://");
        assertThat(problems(block("https://admin:pw@ovmm:7002", "admin"))).singleElement().asString()
                .contains(BLOCK + ".url").contains("login.username");
        assertThat(problems(block("https://ovmm:7002", "ad:min"))).singleElement().asString()
                .contains(BLOCK + ".login.username").contains("':'");
        Map<String, Object> tiny = block("https://ovmm:7002", "admin");
        tiny.put("max-response-bytes", "10");
        assertThat(problems(tiny)).singleElement().asString().contains(BLOCK + ".max-response-bytes");
        Map<String, Object> noLogin = block("https://ovmm:7002", "admin");
        noLogin.remove("login");
        assertThat(problems(noLogin)).singleElement().asString().contains(BLOCK + ".login");
    }
}
