package org.sitewatch.collectors.vmware.replication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sitewatch.collectors.spi.settings.Secret;
import org.sitewatch.collectors.spi.settings.SettingsBinder;
import org.sitewatch.collectors.spi.settings.SettingsException;
import org.sitewatch.collectors.spi.settings.UserPassword;

/** The replication block bound by the SPI's binder, and every problem named under its full key. */
class ReplicationSettingsTest {

    private static final String BLOCK = "sitewatch.collectors.endpoints[0].vsphere.replication";
    private static final String PASSWORD = "vr-pass-never-shown";

    private final Map<String, String> environment = new LinkedHashMap<>(Map.of("VR_PASSWORD", PASSWORD));
    private final SettingsBinder binder = new SettingsBinder(environment::get);

    private static Map<String, Object> block(Object... keyValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put((String) keyValues[i], keyValues[i + 1]);
        }
        return m;
    }

    private List<String> problems(Map<String, Object> tree) {
        try {
            binder.bind(BLOCK, tree, ReplicationSettings.class);
        } catch (SettingsException e) {
            assertThat(e.getMessage()).doesNotContain(PASSWORD);
            return e.problems();
        }
        throw new AssertionError("expected binding to fail");
    }

    @Test
    void shouldBindEveryKey() {
        ReplicationSettings s = binder.bind(BLOCK, block(
                "url", "https://vr-a.example.org",
                "login", block("username", "monitor@vsphere.local", "password-env", "VR_PASSWORD"),
                "srm-url", "https://srm-a.example.org",
                "ca-file", "/etc/sitewatch/vr-ca.pem",
                "insecure-skip-tls-verify", "false",
                "sites", block("7B2F3D6D-0000-4000-8000-00000000000B", "london-dr", "vc-c.example", "madrid-dc3"),
                "srm-refresh", "5m"), ReplicationSettings.class);

        assertThat(s.url()).isEqualTo(URI.create("https://vr-a.example.org"));
        assertThat(s.login().password().reveal()).isEqualTo(PASSWORD);
        assertThat(s.srmUrl()).isEqualTo(URI.create("https://srm-a.example.org"));
        assertThat(s.caFile()).isEqualTo(Path.of("/etc/sitewatch/vr-ca.pem"));
        assertThat(s.siteOf("7b2f3d6d-0000-4000-8000-00000000000b")).contains("london-dr");
        assertThat(s.siteOf("VC-C.example")).contains("madrid-dc3");
        assertThat(s.siteOf("vc-d.example")).isEmpty();
        assertThat(s.srmRefresh()).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void shouldDefaultToTheVcentersLoginAndAMinuteOfSrmReuse() {
        ReplicationSettings s = binder.bind(BLOCK, block("url", "https://vr-a.example.org", "sites",
                block("vc-b", "london-dr")), ReplicationSettings.class);
        UserPassword vcenter = new UserPassword("monitor@vsphere.local", Secret.inline("vc"));

        assertThat(s.login()).isNull();
        assertThat(s.loginOr(vcenter)).isSameAs(vcenter);
        assertThat(s.srmUrl()).isNull();
        assertThat(s.srmRefresh()).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void shouldNameMissingKeysInFull() {
        assertThat(problems(block())).containsExactlyInAnyOrder(
                BLOCK + ".url: is required, e.g. https://vr-a.example.org",
                BLOCK + ".sites: is required, e.g. {7b2f3d6d-0000-4000-8000-00000000000b: london-dr}");
    }

    @Test
    void shouldNameAnIncompleteLoginInFull() {
        assertThat(problems(block("url", "https://vr-a.example.org", "sites", block("vc-b", "london-dr"),
                "login", block("username", "monitor@vsphere.local"))))
                .singleElement().asString().startsWith(BLOCK + ".login.password: is required");
    }

    @Test
    void shouldRefuseAUrlThatIsNotHttps() {
        assertThat(problems(block("url", "ftp://vr-a.example.org", "sites", block("vc-b", "london-dr"))))
                .containsExactly(BLOCK + ".url: must start with https:// (e.g. https://vr-a.example.org)");
    }

    @Test
    void shouldRefuseCredentialsInTheSrmUrlWithoutShowingThem() {
        assertThat(problems(block("url", "https://vr-a.example.org", "srm-url", "https://admin:" + PASSWORD + "@srm-a",
                "sites", block("vc-b", "london-dr"))))
                .singleElement().asString().startsWith(BLOCK + ".srm-url: must not hold a user or password");
    }

    @Test
    void shouldRefuseEmptySitesAndBlankSiteNames() {
        assertThat(problems(block("url", "https://vr-a.example.org", "sites", block())))
                .singleElement().asString().startsWith(BLOCK + ".sites: must name the Sitewatch site");
        assertThat(problems(block("url", "https://vr-a.example.org", "sites", block("vc-b", " "))))
                .containsExactly(BLOCK + ".sites.vc-b: must name a Sitewatch site");
    }

    @Test
    void shouldRefuseTheSameVcenterMappedToTwoSites() {
        assertThat(problems(block("url", "https://vr-a.example.org", "sites", block("vc-b", "london-dr", "VC-B", "paris-dc1"))))
                .singleElement().asString().startsWith(BLOCK + ".sites.VC-B: is given twice");
    }

    @Test
    void shouldRefuseANegativeSrmRefreshAndUnknownKeys() {
        assertThat(problems(block("url", "https://vr-a.example.org", "sites", block("vc-b", "london-dr"),
                "srm-refresh", "PT-1M"))).containsExactly(BLOCK + ".srm-refresh: must not be negative but was PT-1M");
        assertThat(problems(block("url", "https://vr-a.example.org", "sites", block("vc-b", "london-dr"),
                "srm", "https://srm-a")))
                .singleElement().asString().startsWith(BLOCK + ".srm: unknown key (known here: url, login, srm-url,");
    }

    @Test
    void shouldRefuseAConstructedRecordWithoutUrl() {
        assertThatThrownBy(() -> new ReplicationSettings(null, null, null, null, false, Map.of("a", "b"), null))
                .isInstanceOf(NullPointerException.class);
    }
}
