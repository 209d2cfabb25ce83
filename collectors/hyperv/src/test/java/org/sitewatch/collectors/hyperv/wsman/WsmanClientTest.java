package org.sitewatch.collectors.hyperv.wsman;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.sitewatch.collectors.hyperv.wsman.FakeWinrmService.ReceiveAnswer.done;
import static org.sitewatch.collectors.hyperv.wsman.FakeWinrmService.ReceiveAnswer.fault;
import static org.sitewatch.collectors.hyperv.wsman.FakeWinrmService.ReceiveAnswer.output;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.sitewatch.collectors.spi.CollectorException;
import org.sitewatch.events.CollectorErrorKind;
import org.sitewatch.events.CollectorStatus;

/** The WS-Management client against a fake WinRM listener on 127.0.0.1. */
@Timeout(20)
class WsmanClientTest {

    private static final String SCRIPT = "$ProgressPreference = 'SilentlyContinue'\n"
            + "Get-VM | Select-Object Name | ConvertTo-Json -Compress # ünïcödé survives the encoding";
    private static final Duration DEADLINE = Duration.ofSeconds(10);

    private FakeWinrmService service;

    @AfterEach
    void stop() {
        if (service != null) {
            service.close();
        }
    }

    @Test
    void shouldRunAScriptThroughTheWholeShellLifecycle() throws Exception {
        service = new FakeWinrmService(FakeWinrmService.Login.BASIC, null, "monitor", "s3cret");
        service.answerReceives(fault("TimedOut"), output("[{\"Name\":\"app01\"},"), done("{\"Name\":\"db01\"}]", "", 0));

        ScriptResult result = client(new WsmanAuth.Basic("monitor", "s3cret")).runPowerShell(SCRIPT, DEADLINE);

        assertThat(result.stdout()).isEqualTo("[{\"Name\":\"app01\"},{\"Name\":\"db01\"}]");
        assertThat(result.exitCode()).isZero();
        assertThat(result.succeeded()).isTrue();
        assertThat(result.receives()).isEqualTo(3);
        assertThat(service.lastScript()).isEqualTo(SCRIPT);
        assertThat(service.actions()).containsExactly("Create", "Command", "Receive", "Receive", "Receive", "Signal",
                "Delete");
        assertThat(service.authorizations()).containsOnly("Basic");
        assertThat(service.lastOperationTimeout()).isEqualTo("PT5S");
    }

    @Test
    void shouldDecodeACharacterSplitAcrossTwoChunks() throws Exception {
        service = new FakeWinrmService(FakeWinrmService.Login.BASIC, null, "monitor", "s3cret");
        byte[] text = "{\"Name\":\"Zürich-01\"}".getBytes(StandardCharsets.UTF_8);
        int split = 11; // between the two bytes of 'ü'
        service.answerReceives(output(Arrays.copyOf(text, split)), output(Arrays.copyOfRange(text, split, text.length)),
                done("", "", 0));

        ScriptResult result = client(new WsmanAuth.Basic("monitor", "s3cret")).runPowerShell(SCRIPT, DEADLINE);

        assertThat(result.stdout()).isEqualTo("{\"Name\":\"Zürich-01\"}");
    }

    @Test
    void shouldReturnStderrAndANonZeroExitCodeWithoutThrowing() throws Exception {
        service = new FakeWinrmService(FakeWinrmService.Login.BASIC, null, "monitor", "s3cret");
        String clixml = "#< CLIXML\r\n<Objs Version=\"1.1.0.1\" xmlns=\"http://schemas.microsoft.com/powershell/"
                + "2004/04\"><S S=\"Error\">Get-VM : You do not have the required permission_x000D__x000A_</S>"
                + "<S S=\"Error\">    + CategoryInfo : PermissionDenied &amp; more_x000D__x000A_</S></Objs>";
        service.answerReceives(done("", clixml, 1));

        ScriptResult result = client(new WsmanAuth.Basic("monitor", "s3cret")).runPowerShell(SCRIPT, DEADLINE);

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.succeeded()).isFalse();
        assertThat(result.errorText()).isEqualTo("Get-VM : You do not have the required permission\n"
                + "+ CategoryInfo : PermissionDenied & more");
    }

    @Test
    void shouldLogInWithNtlmV2UnderNegotiateOncePerConnection() throws Exception {
        service = new FakeWinrmService(FakeWinrmService.Login.NTLM, "CORP", "svc-sitewatch", "Pa55word!");
        service.answerReceives(output("[1,"), done("2]", "", 0));

        ScriptResult result = client(new WsmanAuth.Ntlm("CORP", "svc-sitewatch", "Pa55word!", "SITEWATCH"))
                .runPowerShell(SCRIPT, DEADLINE);

        assertThat(result.stdout()).isEqualTo("[1,2]");
        assertThat(service.actions()).containsExactly("Create", "Command", "Receive", "Receive", "Signal", "Delete");
        // NEGOTIATE and AUTHENTICATE on the first request; the authenticated connection carries the rest.
        assertThat(service.authorizations()).startsWith("Negotiate", "Negotiate", "")
                .hasSize(7);
    }

    @Test
    void shouldReportAWrongNtlmPasswordAsAuthFailure() throws Exception {
        service = new FakeWinrmService(FakeWinrmService.Login.NTLM, "CORP", "svc-sitewatch", "Pa55word!");

        assertThatThrownBy(() -> client(new WsmanAuth.Ntlm("CORP", "svc-sitewatch", "wrong", null))
                .runPowerShell(SCRIPT, DEADLINE))
                .isInstanceOfSatisfying(CollectorException.class, e -> {
                    assertThat(e.kind()).isEqualTo(CollectorErrorKind.AUTH);
                    assertThat(e.permanent()).isTrue();
                    assertThat(e.status()).isEqualTo(CollectorStatus.AUTH_FAILED);
                    assertThat(e.getMessage()).contains("rejected the NTLM login of CORP\\svc-sitewatch")
                            .doesNotContain("wrong");
                });
        assertThat(service.actions()).isEmpty();
    }

    @Test
    void shouldReportAnHttp401AsAuthFailure() throws Exception {
        service = new FakeWinrmService(FakeWinrmService.Login.BASIC, null, "monitor", "s3cret");

        assertThatThrownBy(() -> client(new WsmanAuth.Basic("monitor", "nope")).runPowerShell(SCRIPT, DEADLINE))
                .isInstanceOfSatisfying(CollectorException.class, e -> {
                    assertThat(e.kind()).isEqualTo(CollectorErrorKind.AUTH);
                    assertThat(e.permanent()).isTrue();
                    assertThat(e.getMessage()).contains("HTTP 401").contains("monitor").doesNotContain("nope");
                    assertThat(e.remedy()).contains("sitewatch.collectors.endpoints[0].hyperv");
                });
    }

    @Test
    void shouldTurnAShellQuotaFaultIntoARetriableTypedFault() throws Exception {
        service = new FakeWinrmService(FakeWinrmService.Login.BASIC, null, "monitor", "s3cret");
        service.failAction("Create", "QuotaLimit");

        assertThatThrownBy(() -> client(new WsmanAuth.Basic("monitor", "s3cret")).runPowerShell(SCRIPT, DEADLINE))
                .isInstanceOfSatisfying(WsmanFault.class, e -> {
                    assertThat(e.subcode()).isEqualTo("QuotaLimit");
                    assertThat(e.windowsCode()).isEqualTo(2150858843L);
                    assertThat(e.reason()).isEqualTo("fake QuotaLimit & detail");
                    assertThat(e.permanent()).isFalse();
                    assertThat(e.getMessage()).startsWith("WinRM Create shell failed: w:QuotaLimit");
                });
    }

    @Test
    void shouldTurnAccessDeniedIntoAPermanentAuthFault() throws Exception {
        service = new FakeWinrmService(FakeWinrmService.Login.BASIC, null, "monitor", "s3cret");
        service.failAction("Command", "AccessDenied");

        assertThatThrownBy(() -> client(new WsmanAuth.Basic("monitor", "s3cret")).runPowerShell(SCRIPT, DEADLINE))
                .isInstanceOfSatisfying(WsmanFault.class, e -> {
                    assertThat(e.kind()).isEqualTo(CollectorErrorKind.AUTH);
                    assertThat(e.permanent()).isTrue();
                    assertThat(e.remedy()).contains("Remote Management Users");
                });
        assertThat(service.actions()).containsExactly("Create", "Command", "Delete");
    }

    @Test
    void shouldDeleteTheShellWhenTheShellIsLostWhileReceiving() throws Exception {
        service = new FakeWinrmService(FakeWinrmService.Login.BASIC, null, "monitor", "s3cret");
        service.answerReceives(output("[1,"), fault("InvalidSelectors"));

        assertThatThrownBy(() -> client(new WsmanAuth.Basic("monitor", "s3cret")).runPowerShell(SCRIPT, DEADLINE))
                .isInstanceOfSatisfying(WsmanFault.class, e -> {
                    assertThat(e.subcode()).isEqualTo("InvalidSelectors");
                    assertThat(e.permanent()).isFalse();
                });
        assertThat(service.actions()).endsWith("Receive", "Receive", "Signal", "Delete");
    }

    @Test
    void shouldGiveUpAtTheDeadlineWhileTheScriptStaysSilent() throws Exception {
        service = new FakeWinrmService(FakeWinrmService.Login.BASIC, null, "monitor", "s3cret");
        // No receive answers queued: every Receive times out on the service's side.

        assertThatThrownBy(() -> client(new WsmanAuth.Basic("monitor", "s3cret"))
                .runPowerShell(SCRIPT, Duration.ofMillis(300)))
                .isInstanceOfSatisfying(CollectorException.class, e -> {
                    assertThat(e.kind()).isEqualTo(CollectorErrorKind.TIMEOUT);
                    assertThat(e.permanent()).isFalse();
                    assertThat(e.getMessage()).contains("did not finish within PT0.3S");
                });
        List<String> actions = service.actions();
        assertThat(actions.stream().filter("Receive"::equals).count()).isGreaterThan(1);
        assertThat(actions).endsWith("Signal", "Delete");
    }

    @Test
    void shouldRefuseAnAnswerLargerThanTheCap() throws Exception {
        service = new FakeWinrmService(FakeWinrmService.Login.BASIC, null, "monitor", "s3cret");
        service.padAnswersTo(4096);
        WsmanTarget target = new WsmanTarget(service.url(), new WsmanAuth.Basic("monitor", "s3cret"), null, true,
                Duration.ofSeconds(5), 2048, 0, "sitewatch.collectors.endpoints[0].hyperv");

        assertThatThrownBy(() -> new WsmanClient(target).runPowerShell(SCRIPT, DEADLINE))
                .isInstanceOfSatisfying(CollectorException.class, e -> {
                    assertThat(e.kind()).isEqualTo(CollectorErrorKind.MALFORMED);
                    assertThat(e.permanent()).isTrue();
                    assertThat(e.getMessage()).contains("over the limit of 2048 bytes")
                            .contains("sitewatch.collectors.endpoints[0].hyperv.max-envelope-bytes");
                    assertThat(e.remedy()).contains("Raise sitewatch.collectors.endpoints[0].hyperv.max-envelope-bytes");
                });
    }

    @Test
    void shouldCapTheScriptsOutput() throws Exception {
        service = new FakeWinrmService(FakeWinrmService.Login.BASIC, null, "monitor", "s3cret");
        service.answerReceives(output("x".repeat(600)), output("y".repeat(600)), done("", "", 0));
        WsmanTarget target = new WsmanTarget(service.url(), new WsmanAuth.Basic("monitor", "s3cret"), null, true,
                Duration.ofSeconds(5), 0, 1000, "hv");

        assertThatThrownBy(() -> new WsmanClient(target).runPowerShell(SCRIPT, DEADLINE))
                .isInstanceOfSatisfying(CollectorException.class, e -> assertThat(e.getMessage())
                        .contains("stdout is larger than 1000 bytes (hv.max-output-bytes)"));
        assertThat(service.actions()).endsWith("Signal", "Delete");
    }

    @Test
    void shouldRefusePlainHttpUnlessAllowed() {
        assertThatThrownBy(() -> new WsmanTarget(URI.create("http://hv-a1:5985/wsman"),
                new WsmanAuth.Basic("monitor", "s3cret"), null, false, null, 0, 0, "sitewatch.collectors.endpoints[2].hyperv"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sitewatch.collectors.endpoints[2].hyperv.url")
                .hasMessageContaining("sitewatch.collectors.endpoints[2].hyperv.allow-unencrypted: true");
    }

    @Test
    void shouldNotShowPasswordsInToString() {
        assertThat(new WsmanAuth.Basic("monitor", "s3cret").toString()).doesNotContain("s3cret");
        assertThat(new WsmanAuth.Ntlm("CORP", "svc", "Pa55word!", null).toString()).doesNotContain("Pa55word!");
    }

    @Test
    void shouldRefuseAScriptTooLongForACommandLine() {
        assertThatThrownBy(() -> PowerShellCommand.arguments("#".repeat(13_000)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("too long");
    }

    private WsmanClient client(WsmanAuth auth) {
        return new WsmanClient(new WsmanTarget(service.url(), auth, null, true, Duration.ofSeconds(5), 0, 0,
                "sitewatch.collectors.endpoints[0].hyperv"));
    }
}
