package org.sitewatch.collectors.hyperv;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sitewatch.collectors.hyperv.wsman.WsmanAuth;
import org.sitewatch.collectors.hyperv.wsman.WsmanTarget;
import org.sitewatch.collectors.spi.settings.SettingsBinder;
import org.sitewatch.collectors.spi.settings.SettingsException;

/** The {@code hyperv} block bound by the SPI's binder, and each problem named under its full key. */
class HypervSettingsTest {

    private static final String BLOCK = "sitewatch.collectors.endpoints[0].hyperv";
    private static final String PASSWORD = "hv-pass-never-shown";

    private final SettingsBinder binder = new SettingsBinder(Map.of("HV_PASSWORD", PASSWORD)::get);

    private static Map<String, Object> block(Object... keyValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put((String) keyValues[i], keyValues[i + 1]);
        }
        return m;
    }

    private static Map<String, Object> ntlm() {
        return block("domain", "CORP", "username", "svc-sitewatch", "password-env", "HV_PASSWORD", "mechanism", "ntlm");
    }

    private List<String> problems(Map<String, Object> tree) {
        try {
            binder.bind(BLOCK, tree, HypervSettings.class);
        } catch (SettingsException e) {
            assertThat(e.getMessage()).doesNotContain(PASSWORD);
            return e.problems();
        }
        throw new AssertionError("expected binding to fail");
    }

    @Test
    void shouldBindEveryKeyAndBuildTheWsmanTarget() {
        HypervSettings s = binder.bind(BLOCK, block(
                "url", "https://hv-a1.corp.example:5986/wsman",
                "login", ntlm(),
                "sites", block("HVR-Broker.madrid.example", "madrid-dr", "hv-x1", "oslo-dr"),
                "operation-timeout", "30s",
                "max-envelope-bytes", "1048576",
                "max-output-bytes", "1000000"), HypervSettings.class);

        assertThat(s.siteOf("hvr-broker.MADRID.example")).contains("madrid-dr");
        assertThat(s.siteOf("HVR-BROKER")).contains("madrid-dr");
        assertThat(s.siteOf("hv-x1.oslo.example")).contains("oslo-dr");
        assertThat(s.siteOf("hv-c1.lisbon.example")).isEmpty();
        WsmanTarget target = s.wsmanTarget(null, BLOCK);
        assertThat(target.url()).isEqualTo(URI.create("https://hv-a1.corp.example:5986/wsman"));
        assertThat(target.auth()).isEqualTo(new WsmanAuth.Ntlm("CORP", "svc-sitewatch", PASSWORD, null));
        assertThat(target.operationTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(target.maxEnvelopeBytes()).isEqualTo(1_048_576);
        assertThat(target.maxOutputBytes()).isEqualTo(1_000_000);
        assertThat(s.toString()).doesNotContain(PASSWORD);
    }

    @Test
    void shouldDefaultTheLimitsAndTakeABasicLogin() {
        HypervSettings s = binder.bind(BLOCK, block("url", "https://hv-a1:5986/wsman",
                "basic-login", block("username", "monitor", "password-env", "HV_PASSWORD")), HypervSettings.class);

        assertThat(s.sites()).isEmpty();
        assertThat(s.wsmanTarget(null, BLOCK).auth()).isEqualTo(new WsmanAuth.Basic("monitor", PASSWORD));
        assertThat(s.operationTimeout()).isEqualTo(WsmanTarget.DEFAULT_OPERATION_TIMEOUT);
        assertThat(s.maxOutputBytes()).isEqualTo(WsmanTarget.DEFAULT_MAX_OUTPUT_BYTES);
    }

    @Test
    void shouldNameEachProblemUnderItsFullKey() {
        assertThat(problems(block("login", ntlm()))).singleElement().asString().startsWith(BLOCK + ".url");
        assertThat(problems(block("url", "http://hv-a1:5985/wsman", "login", ntlm()))).singleElement().asString()
                .startsWith(BLOCK + ".url").contains("allow-unencrypted: true");
        assertThat(problems(block("url", "https://hv-a1:5986/wsman"))).singleElement().asString()
                .startsWith(BLOCK + ".login").contains("exactly one of login");
        assertThat(problems(block("url", "https://hv-a1:5986/wsman", "login", block("domain", "CORP", "username",
                "CORP\\svc", "password-env", "HV_PASSWORD")))).singleElement().asString()
                .startsWith(BLOCK + ".login.username").contains("NTLM's form");
        assertThat(problems(block("url", "https://hv-a1:5986/wsman", "login", ntlm(), "sites",
                block("hv-b1", "madrid-dr", "HV-B1", "lisbon-dr")))).singleElement().asString()
                .contains(BLOCK + ".sites.").contains("madrid-dr and lisbon-dr");
    }

    @Test
    void shouldAcceptPlainHttpOnlyWhenAllowed() {
        HypervSettings s = binder.bind(BLOCK, block("url", "http://hv-a1:5985/wsman", "allow-unencrypted", "true",
                "login", ntlm()), HypervSettings.class);

        assertThat(s.wsmanTarget(null, BLOCK).allowUnencrypted()).isTrue();
    }

    @Test
    void shouldFindEachClusterNodesListenerByNameOrByTheUrlsDomain() {
        HypervSettings s = binder.bind(BLOCK, block("url", "https://hv-a1.corp.example:5986/wsman", "login", ntlm(),
                "node-urls", block("HV-A3", "https://10.0.0.13:5986/wsman")), HypervSettings.class);

        assertThat(s.nodeUrl("HV-A2")).isEqualTo(URI.create("https://hv-a2.corp.example:5986/wsman"));
        assertThat(s.nodeUrl("hv-a3")).isEqualTo(URI.create("https://10.0.0.13:5986/wsman"));
        assertThat(s.nodeUrl("hv-a4.other.example")).isEqualTo(URI.create("https://hv-a4.other.example:5986/wsman"));
        HypervSettings byAddress = binder.bind(BLOCK, block("url", "https://10.0.0.11:5986/wsman", "login", ntlm()),
                HypervSettings.class);
        assertThat(byAddress.nodeUrl("HV-A2")).isEqualTo(URI.create("https://hv-a2:5986/wsman"));
    }

    @Test
    void shouldRefuseANodeUrlThatIsNoListener() {
        assertThat(problems(block("url", "https://hv-a1:5986/wsman", "login", ntlm(), "node-urls",
                block("hv-a2", "http://hv-a2:5985/wsman")))).singleElement().asString()
                .startsWith(BLOCK + ".node-urls.hv-a2").contains("allow-unencrypted");
        assertThat(problems(block("url", "https://hv-a1:5986/wsman", "login", ntlm(), "node-urls",
                block("hv-a2", "ftp://hv-a2/wsman")))).singleElement().asString()
                .startsWith(BLOCK + ".node-urls.hv-a2");
    }

    private static Map<String, Object> kerberos(Object... more) {
        Map<String, Object> login = block("domain", "corp.example", "username", "svc-sitewatch");
        login.putAll(block(more));
        return login;
    }

    private List<String> kerberosProblems(Object... login) {
        return problems(block("url", "https://hv-a1.corp.example:5986/wsman", "login", kerberos(login)));
    }

    @Test
    void shouldTakeAKerberosLoginAsTheDefaultMechanism() {
        HypervSettings s = binder.bind(BLOCK, block("url", "https://hv-a1.corp.example:5986/wsman",
                "login", kerberos("password-env", "HV_PASSWORD")), HypervSettings.class);

        WsmanAuth auth = s.wsmanAuth();
        assertThat(auth).isInstanceOfSatisfying(WsmanAuth.Kerberos.class, k -> {
            assertThat(k.principal()).isEqualTo("svc-sitewatch@CORP.EXAMPLE");
            assertThat(k.keytab()).isNull();
            assertThat(k.servicePrincipal()).as("HTTP/<host of the url>").isNull();
            assertThat(k.krb5Conf()).isNull();
        });
        assertThat(auth.toString()).doesNotContain(PASSWORD);
        assertThat(s.toString()).doesNotContain(PASSWORD);
        assertThat(s.wsmanTarget(null, BLOCK).auth()).as("each call a new login").isNotSameAs(auth);
        assertThat(s.wsmanTarget(s.url(), auth, null, BLOCK).auth()).isSameAs(auth);
    }

    @Test
    void shouldTakeAKeytabAServicePrincipalAndAKrb5Conf(@TempDir Path dir) throws Exception {
        Path keytab = Files.write(dir.resolve("svc.keytab"), new byte[] {5, 2});
        Path krb5 = Files.writeString(dir.resolve("krb5.conf"), "[libdefaults]\n");

        HypervSettings s = binder.bind(BLOCK, block("url", "https://10.0.0.11:5986/wsman", "login",
                kerberos("username", "svc-sitewatch@CORP.EXAMPLE", "keytab-file", keytab.toString(),
                        "service-principal", "HTTP/hv-a1.corp.example", "krb5-conf", krb5.toString())),
                HypervSettings.class);

        assertThat(s.wsmanAuth()).isInstanceOfSatisfying(WsmanAuth.Kerberos.class, k -> {
            assertThat(k.principal()).isEqualTo("svc-sitewatch@CORP.EXAMPLE");
            assertThat(k.keytab()).isEqualTo(keytab);
            assertThat(k.servicePrincipal()).isEqualTo("HTTP/hv-a1.corp.example");
            assertThat(k.krb5Conf()).isEqualTo(krb5);
        });
    }

    @Test
    void shouldNameEachKerberosProblemUnderItsKey(@TempDir Path dir) throws Exception {
        Path keytab = Files.write(dir.resolve("svc.keytab"), new byte[] {5, 2});

        assertThat(kerberosProblems("username", "svc@OTHER.EXAMPLE", "password-env", "HV_PASSWORD")).singleElement()
                .asString().startsWith(BLOCK + ".login.username").contains("realm OTHER.EXAMPLE");
        assertThat(kerberosProblems("username", "svc@", "password-env", "HV_PASSWORD")).singleElement()
                .asString().startsWith(BLOCK + ".login.username").contains("account@REALM");
        assertThat(kerberosProblems("domain", "CORP EXAMPLE", "password-env", "HV_PASSWORD")).singleElement()
                .asString().startsWith(BLOCK + ".login.domain").contains("realm");
        assertThat(kerberosProblems("keytab-file", dir.resolve("none.keytab").toString())).singleElement()
                .asString().startsWith(BLOCK + ".login.keytab-file").contains("does not exist");
        assertThat(kerberosProblems("keytab-file", dir.toString())).singleElement()
                .asString().startsWith(BLOCK + ".login.keytab-file").contains("not a regular file");
        assertThat(kerberosProblems("keytab-file", keytab.toString(), "password-env", "HV_PASSWORD")).singleElement()
                .asString().startsWith(BLOCK + ".login.keytab-file").contains("not both");
        assertThat(kerberosProblems("password-env", "HV_PASSWORD", "krb5-conf", dir.resolve("krb5.conf").toString()))
                .singleElement().asString().startsWith(BLOCK + ".login.krb5-conf").contains("does not exist");
        assertThat(kerberosProblems("password-env", "HV_PASSWORD", "service-principal", "hv-a1.corp.example"))
                .singleElement().asString().startsWith(BLOCK + ".login.service-principal")
                .contains("HTTP/hv-a1.corp.example");
        assertThat(kerberosProblems()).singleElement().asString().startsWith(BLOCK + ".login.password")
                .contains("keytab-file");
        assertThat(problems(block("url", "https://hv-a1:5986/wsman", "login", block("domain", "CORP", "username",
                "svc", "mechanism", "ntlm", "keytab-file", keytab.toString())))).singleElement().asString()
                .startsWith(BLOCK + ".login.keytab-file").contains("only with mechanism kerberos");
        assertThat(problems(block("url", "https://hv-a1:5986/wsman", "login", block("domain", "CORP", "username",
                "svc", "mechanism", "ntlm", "password-env", "HV_PASSWORD", "service-principal", "HTTP/hv-a1"))))
                .singleElement().asString().startsWith(BLOCK + ".login.service-principal")
                .contains("only with mechanism kerberos");
    }
}
