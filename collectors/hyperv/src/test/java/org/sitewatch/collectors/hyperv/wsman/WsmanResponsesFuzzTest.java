package org.sitewatch.collectors.hyperv.wsman;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.sitewatch.collectors.spi.CollectorException;
import org.sitewatch.events.CollectorErrorKind;
import org.sitewatch.testsupport.fuzz.FuzzGuard;
import org.sitewatch.testsupport.fuzz.TextMutations;

/**
 * Fault suite 7 for Hyper-V's transport: WinRM's SOAP answers (a shell created, a command started, a
 * receive with base64 output and an exit code, a WS-Management fault), mutated as text and read by
 * {@link WsmanResponses}. Each ends in its value or a MALFORMED {@link CollectorException}; reading a
 * fault ends in a fault or null (not a fault); never another exception or a hang.
 */
class WsmanResponsesFuzzTest {

    private static final String SHELL = envelope("<rsp:Shell><rsp:ShellId>S-1</rsp:ShellId></rsp:Shell>");
    private static final String COMMAND = envelope("<rsp:CommandResponse><rsp:CommandId>C-1</rsp:CommandId>"
            + "</rsp:CommandResponse>");
    private static final String RECEIVE = envelope("<rsp:ReceiveResponse><rsp:Stream Name=\"stdout\" CommandId=\"C-1\">"
            + Base64.getEncoder().encodeToString("{\"ComputerName\":\"HV-A1\"}".getBytes(StandardCharsets.UTF_8))
            + "</rsp:Stream><rsp:Stream Name=\"stderr\" CommandId=\"C-1\">"
            + Base64.getEncoder().encodeToString("warning".getBytes(StandardCharsets.UTF_8)) + "</rsp:Stream>"
            + "<rsp:Stream Name=\"stdout\" CommandId=\"C-1\" End=\"true\"></rsp:Stream><rsp:CommandState CommandId=\"C-1\" "
            + "State=\"" + Wsman.COMMAND_STATE_DONE + "\"><rsp:ExitCode>0</rsp:ExitCode></rsp:CommandState>"
            + "</rsp:ReceiveResponse>");
    private static final String FAULT = "<s:Envelope xmlns:s=\"" + Wsman.SOAP + "\" xmlns:w=\"" + Wsman.WSMAN + "\"><s:Body>"
            + "<s:Fault><s:Code><s:Value>s:Receiver</s:Value><s:Subcode><s:Value>w:TimedOut</s:Value></s:Subcode>"
            + "</s:Code><s:Reason><s:Text xml:lang=\"en-US\">The WS-Management service cannot complete the operation."
            + "</s:Text></s:Reason><s:Detail><f:WSManFault xmlns:f=\"" + Wsman.MS_FAULT + "\" Code=\"2150858793\" "
            + "Machine=\"hv-a1\"><f:Message>timed out &amp; more</f:Message></f:WSManFault></s:Detail></s:Fault>"
            + "</s:Body></s:Envelope>";
    private static final List<String> ANSWERS = List.of(SHELL, COMMAND, RECEIVE, FAULT);

    /** One answer after the edits. */
    record Answer(int which, List<TextMutations.Edit> edits) {
        byte[] body() {
            return TextMutations.apply(ANSWERS.get(which), edits).getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public String toString() {
            return "answer " + which + " after " + edits + ":\n" + new String(body(), StandardCharsets.UTF_8);
        }
    }

    @Property(tries = 10_000)
    void everyAnswerIsReadOrMalformed(@ForAll("answers") Answer answer) {
        byte[] body = answer.body();
        Throwable thrown = FuzzGuard.expectResultOr(answer, () -> switch (answer.which()) {
            case 0 -> WsmanResponses.shellId(body);
            case 1 -> WsmanResponses.commandId(body);
            case 2 -> WsmanResponses.receive(body, "C-1");
            default -> String.valueOf(WsmanResponses.fault("Receive", body));
        }, CollectorException.class);
        if (thrown != null && ((CollectorException) thrown).kind() != CollectorErrorKind.MALFORMED) {
            throw new AssertionError("not MALFORMED: " + thrown + " for " + answer, thrown);
        }
    }

    @Provide
    Arbitrary<Answer> answers() {
        return Combinators.combine(Arbitraries.integers().between(0, ANSWERS.size() - 1), TextMutations.edits())
                .as(Answer::new);
    }

    private static String envelope(String body) {
        return "<s:Envelope xmlns:s=\"" + Wsman.SOAP + "\" xmlns:rsp=\"" + Wsman.SHELL + "\"><s:Header/><s:Body>" + body
                + "</s:Body></s:Envelope>";
    }
}
