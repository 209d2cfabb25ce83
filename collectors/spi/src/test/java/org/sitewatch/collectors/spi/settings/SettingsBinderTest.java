package org.sitewatch.collectors.spi.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Binding a vendor block onto a settings record, and every way it can be wrong. */
class SettingsBinderTest {

    private static final String BLOCK = "sitewatch.collectors.endpoints[0].vsphere";
    private static final String SECRET = "s3cr3t-value-never-shown";

    enum Mode { READ_ONLY, READ_WRITE }

    /** Shaped like a future vCenter block: named URLs, a login, tuning, an enum, a list. */
    record VsphereLike(@Required Map<String, URI> urls, @Required UserPassword login, Path caFile,
                       boolean insecureSkipTlsVerify, Duration eventWindow, Integer pageSize, Mode mode,
                       List<String> datacenters) {
        VsphereLike {
            if (pageSize != null && pageSize < 1) {
                throw new InvalidSettingException("page-size", "must be at least 1 but was " + pageSize);
            }
        }
    }

    /** Shaped like an Azure block: no URL at all. */
    record AzureLike(@Required String subscriptionId, @Required OAuth2Client identity) {
    }

    record TokenOnly(@Required Secret apiToken) {
    }

    private final Map<String, String> environment = new LinkedHashMap<>();
    private final SettingsBinder binder = new SettingsBinder(environment::get);

    private static Map<String, Object> block(Object... keyValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put((String) keyValues[i], keyValues[i + 1]);
        }
        return m;
    }

    private List<String> problems(Map<String, Object> tree, Class<? extends Record> type) {
        try {
            binder.bind(BLOCK, tree, type);
        } catch (SettingsException e) {
            assertThat(e.getMessage()).doesNotContain(SECRET);
            return e.problems();
        }
        throw new AssertionError("expected binding to fail");
    }

    @Test
    void shouldBindKebabCaseKeysOntoEveryKindOfComponent() {
        environment.put("VC_PASSWORD", SECRET);
        VsphereLike v = binder.bind(BLOCK, block(
                "urls", block("vcenter", "https://vc.paris:443/sdk", "replication", "https://vr.paris/api"),
                "login", block("username", "monitor@vsphere.local", "password-env", "VC_PASSWORD"),
                "ca-file", "/etc/sitewatch/vc-ca.pem",
                "insecure-skip-tls-verify", "false",
                "event-window", "15m",
                "page-size", 500,
                "mode", "read-only",
                "datacenters", block("[0]", "dc1", "[1]", "dc2")), VsphereLike.class);

        assertThat(v.urls()).containsExactly(Map.entry("vcenter", URI.create("https://vc.paris:443/sdk")),
                Map.entry("replication", URI.create("https://vr.paris/api")));
        assertThat(v.login().username()).isEqualTo("monitor@vsphere.local");
        assertThat(v.login().password().reveal()).isEqualTo(SECRET);
        assertThat(v.caFile()).isEqualTo(Path.of("/etc/sitewatch/vc-ca.pem"));
        assertThat(v.eventWindow()).isEqualTo(Duration.ofMinutes(15));
        assertThat(v.pageSize()).isEqualTo(500);
        assertThat(v.mode()).isEqualTo(Mode.READ_ONLY);
        assertThat(v.datacenters()).containsExactly("dc1", "dc2");
        assertThat(v.toString()).doesNotContain(SECRET).contains("environment variable VC_PASSWORD");
    }

    @Test
    void shouldOrderAListWrittenAsIndexedPropertiesByIndexWhateverOrderTheyArriveIn() {
        // Spring's command-line properties reach the binder in hash order
        Map<String, Object> indexed = block("[1]", "dc1", "[10]", "dc10", "[0]", "dc0", "2", "dc2", "[9]", "dc9");
        for (int i = 3; i < 9; i++) {
            indexed.put("[" + i + "]", "dc" + i);
        }
        VsphereLike v = binder.bind(BLOCK, block("urls", block("vcenter", "https://vc"),
                "login", block("username", "u", "password", "p"), "datacenters", indexed), VsphereLike.class);

        assertThat(v.datacenters()).containsExactly("dc0", "dc1", "dc2", "dc3", "dc4", "dc5", "dc6", "dc7", "dc8",
                "dc9", "dc10");
        assertThat(problems(block("urls", block("vcenter", "https://vc"), "login", block("username", "u", "password",
                "p"), "datacenters", block("[0]", "dc0", "main", "dc1")), VsphereLike.class))
                .anyMatch(p -> p.contains("datacenters: must be a list, but has the entry 'main'"));
    }

    @Test
    void shouldAcceptTheRelaxedSpellingsSpringAndEnvironmentVariablesProduce() {
        TokenOnly camel = binder.bind(BLOCK, block("apiToken", SECRET), TokenOnly.class);
        TokenOnly envForm = binder.bind(BLOCK, block("APITOKEN", SECRET), TokenOnly.class);

        assertThat(camel.apiToken().reveal()).isEqualTo(SECRET);
        assertThat(envForm.apiToken().reveal()).isEqualTo(SECRET);
        assertThat(camel.apiToken().origin()).isEqualTo("inline");
    }

    @Test
    void shouldBindAVendorWithoutAnyUrl() {
        environment.put("AZ_SECRET", SECRET);
        AzureLike a = binder.bind(BLOCK, block("subscription-id", "0000-sub", "identity",
                block("tenant-id", "t1", "client-id", "c1", "client-secret-env", "AZ_SECRET")), AzureLike.class);

        assertThat(a.identity().clientSecret().reveal()).isEqualTo(SECRET);
        assertThat(a.identity().clientCertificate()).isNull();
    }

    @Test
    void shouldReadASecretFileDroppingOnlyTheTrailingLineBreak(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("token"), SECRET + "\n");
        Path pem = Files.writeString(dir.resolve("key.pem"), "-----BEGIN KEY-----\nabc\n-----END KEY-----\n");

        assertThat(binder.bind(BLOCK, block("api-token-file", file.toString()), TokenOnly.class).apiToken().reveal())
                .isEqualTo(SECRET);
        assertThat(binder.bind(BLOCK, block("api-token-file", pem.toString()), TokenOnly.class).apiToken().reveal())
                .isEqualTo("-----BEGIN KEY-----\nabc\n-----END KEY-----");
    }

    @Test
    void shouldNameTheFullKeyOfAMissingRequiredValue() {
        assertThat(problems(block(), VsphereLike.class)).containsExactly(
                BLOCK + ".urls: is required",
                BLOCK + ".login: is required");
        assertThat(problems(block(), TokenOnly.class)).containsExactly(BLOCK + ".api-token: is required: give "
                + "api-token-env (an environment variable) or api-token-file (a file holding it), or api-token inline");
    }

    @Test
    void shouldRefuseAnUnknownKeyListingTheKnownOnes() {
        assertThat(problems(block("api-token", SECRET, "api-tokn-file", "/x"), TokenOnly.class))
                .containsExactly(BLOCK + ".api-tokn-file: unknown key (known here: api-token[-env|-file])");
        assertThat(problems(block("url", "https://x"), NoSettings.class))
                .containsExactly(BLOCK + ".url: unknown key (this block takes no keys)");
    }

    @Test
    void shouldExplainValuesOfTheWrongFormat() {
        List<String> problems = problems(block(
                "urls", block("vcenter", "vc.paris/sdk"),
                "login", block("username", "u", "password", SECRET),
                "insecure-skip-tls-verify", "yes",
                "event-window", "fifteen minutes",
                "page-size", "many",
                "mode", "admin"), VsphereLike.class);

        assertThat(problems).containsExactly(
                BLOCK + ".urls.vcenter: must be an absolute URL such as https://host:8006/api2/json but was 'vc.paris/sdk'",
                BLOCK + ".insecure-skip-tls-verify: must be true or false but was 'yes'",
                BLOCK + ".event-window: must be a duration such as 500ms, 15s, 2m, 4h or PT15S but was 'fifteen minutes'",
                BLOCK + ".page-size: must be a whole number but was 'many'",
                BLOCK + ".mode: must be one of read-only, read-write but was 'admin'");
    }

    @Test
    void shouldReportTheRecordsOwnCheckUnderItsKey() {
        assertThat(problems(block("urls", block("vcenter", "https://vc/sdk"),
                "login", block("username", "u", "password", SECRET), "page-size", 0), VsphereLike.class))
                .containsExactly(BLOCK + ".page-size: must be at least 1 but was 0");
        assertThat(problems(block("subscription-id", "s", "identity", block("tenant-id", "t", "client-id", "c")),
                AzureLike.class)).containsExactly(BLOCK + ".identity.client-secret: give exactly one of "
                + "client-secret[-env|-file] and client-certificate[-env|-file]");
    }

    @Test
    void shouldExplainEverySecretSourceThatFails(@TempDir Path dir) throws Exception {
        environment.put("EMPTY_VAR", " ");
        Path empty = Files.writeString(dir.resolve("empty"), "\n");

        assertThat(problems(block("api-token-env", "PVE_TOKEN"), TokenOnly.class))
                .containsExactly(BLOCK + ".api-token-env: environment variable PVE_TOKEN is not set");
        assertThat(problems(block("api-token-env", "EMPTY_VAR"), TokenOnly.class))
                .containsExactly(BLOCK + ".api-token-env: environment variable EMPTY_VAR is empty");
        assertThat(problems(block("api-token-file", dir.resolve("missing").toString()), TokenOnly.class))
                .containsExactly(BLOCK + ".api-token-file: file " + dir.resolve("missing") + " does not exist");
        assertThat(problems(block("api-token-file", empty.toString()), TokenOnly.class))
                .containsExactly(BLOCK + ".api-token-file: file " + empty + " is empty");
        assertThat(problems(block("api-token-file", dir.toString()), TokenOnly.class))
                .containsExactly(BLOCK + ".api-token-file: " + dir + " is a directory, not a file");
        assertThat(problems(block("api-token", SECRET, "api-token-env", "X"), TokenOnly.class))
                .containsExactly(BLOCK + ".api-token: give only one of api-token, api-token-env and api-token-file");
    }

    @Test
    void shouldRefuseABlockWhereASingleValueBelongsAndTheReverse() {
        assertThat(problems(block("urls", "https://vc/sdk", "login", "u:p"), VsphereLike.class)).containsExactly(
                BLOCK + ".urls: must be a block of name: value entries",
                BLOCK + ".login: must be a block of keys, not a single value");
    }

    @Test
    void shouldNeverShowASecretInToString() {
        Secret secret = Secret.inline(SECRET);

        assertThat(secret.toString()).isEqualTo("****** (inline)");
        assertThat(new UserPassword("u", secret).toString()).doesNotContain(SECRET);
    }
}
