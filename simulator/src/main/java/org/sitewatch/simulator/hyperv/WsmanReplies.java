package org.sitewatch.simulator.hyperv;

import static org.sitewatch.simulator.hyperv.WsmanRequest.ADDRESSING;
import static org.sitewatch.simulator.hyperv.WsmanRequest.MS_FAULT;
import static org.sitewatch.simulator.hyperv.WsmanRequest.SHELL;
import static org.sitewatch.simulator.hyperv.WsmanRequest.SOAP;
import static org.sitewatch.simulator.hyperv.WsmanRequest.WSMAN;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

/**
 * The answers of the simulated WinRM listener, as SOAP 1.2 envelopes in the shapes the shell
 * profile documents: the created shell, the command id, receive chunks (base64 streams, the
 * command state and its exit code) and WS-Management faults with the Windows error code.
 */
final class WsmanReplies {

    static final String COMMAND_DONE = SHELL + "/CommandState/Done";
    static final String COMMAND_RUNNING = SHELL + "/CommandState/Running";

    private WsmanReplies() {
    }

    static String shellCreated(WsmanRequest request, String shellId, String listenerUrl) {
        return envelope(request, WsmanRequest.CREATE + "Response",
                "<x:ResourceCreated xmlns:x=\"http://schemas.xmlsoap.org/ws/2004/09/transfer\"><a:Address>"
                        + escape(listenerUrl) + "</a:Address><a:ReferenceParameters><w:ResourceURI>" + SHELL
                        + "/cmd</w:ResourceURI><w:SelectorSet><w:Selector Name=\"ShellId\">" + shellId
                        + "</w:Selector></w:SelectorSet></a:ReferenceParameters></x:ResourceCreated>"
                        + "<rsp:Shell><rsp:ShellId>" + shellId + "</rsp:ShellId><rsp:ResourceUri>" + SHELL
                        + "/cmd</rsp:ResourceUri><rsp:State>Connected</rsp:State></rsp:Shell>");
    }

    static String commandStarted(WsmanRequest request, String commandId) {
        return envelope(request, WsmanRequest.COMMAND + "Response",
                "<rsp:CommandResponse><rsp:CommandId>" + commandId + "</rsp:CommandId></rsp:CommandResponse>");
    }

    /** One Receive's answer: a stdout chunk, stderr when given, and the end of the command when {@code exitCode} is set. */
    static String received(WsmanRequest request, String commandId, byte[] stdout, byte[] stderr, Integer exitCode) {
        StringBuilder body = new StringBuilder("<rsp:ReceiveResponse>");
        if (stdout.length > 0) {
            body.append(stream("stdout", commandId, stdout, false));
        }
        if (stderr != null && stderr.length > 0) {
            body.append(stream("stderr", commandId, stderr, false));
        }
        if (exitCode != null) {
            body.append(stream("stdout", commandId, new byte[0], true)).append(stream("stderr", commandId, new byte[0], true))
                    .append("<rsp:CommandState CommandId=\"").append(commandId).append("\" State=\"").append(COMMAND_DONE)
                    .append("\"><rsp:ExitCode>").append(exitCode).append("</rsp:ExitCode></rsp:CommandState>");
        } else {
            body.append("<rsp:CommandState CommandId=\"").append(commandId).append("\" State=\"")
                    .append(COMMAND_RUNNING).append("\"/>");
        }
        return envelope(request, WsmanRequest.RECEIVE + "Response", body.append("</rsp:ReceiveResponse>").toString());
    }

    static String signalled(WsmanRequest request) {
        return envelope(request, WsmanRequest.SIGNAL + "Response", "<rsp:SignalResponse/>");
    }

    static String deleted(WsmanRequest request) {
        return envelope(request, WsmanRequest.DELETE + "Response", "");
    }

    /**
     * A WS-Management fault (sent with HTTP 500).
     *
     * @param subcode the {@code w:} subcode, e.g. {@code InvalidSelectors}
     * @param windowsCode the {@code WSManFault} code, e.g. 2150858843 for an unknown shell
     */
    static String fault(WsmanRequest request, String subcode, long windowsCode, String message, String machine) {
        String relatesTo = request == null || request.messageId() == null ? ""
                : "<a:RelatesTo>" + escape(request.messageId()) + "</a:RelatesTo>";
        return "<s:Envelope xmlns:s=\"" + SOAP + "\" xmlns:a=\"" + ADDRESSING + "\" xmlns:w=\"" + WSMAN + "\">"
                + "<s:Header><a:Action>" + ADDRESSING + "/fault</a:Action><a:MessageID>uuid:" + UUID.randomUUID()
                + "</a:MessageID>" + relatesTo + "</s:Header><s:Body><s:Fault><s:Code><s:Value>s:Receiver</s:Value>"
                + "<s:Subcode><s:Value>w:" + subcode + "</s:Value></s:Subcode></s:Code><s:Reason>"
                + "<s:Text xml:lang=\"en-US\">The WS-Management service cannot process the request.</s:Text></s:Reason>"
                + "<s:Detail><f:WSManFault xmlns:f=\"" + MS_FAULT + "\" Code=\"" + windowsCode + "\" Machine=\""
                + escape(machine) + "\"><f:Message>" + escape(message) + "</f:Message></f:WSManFault></s:Detail>"
                + "</s:Fault></s:Body></s:Envelope>";
    }

    /**
     * PowerShell's error stream as a non-interactive host writes it to stderr: CLIXML whose
     * {@code <S S="Error">} records escape line breaks as {@code _x000D__x000A_}.
     */
    static String clixmlError(String message) {
        return "#< CLIXML\r\n<Objs Version=\"1.1.0.1\" xmlns=\"http://schemas.microsoft.com/powershell/2004/04\">"
                + "<S S=\"Error\">" + escape(message).replace("\r", "_x000D_").replace("\n", "_x000A_")
                + "_x000D__x000A_</S></Objs>";
    }

    private static String stream(String name, String commandId, byte[] bytes, boolean end) {
        return "<rsp:Stream Name=\"" + name + "\" CommandId=\"" + commandId + "\"" + (end ? " End=\"true\"" : "") + ">"
                + Base64.getEncoder().encodeToString(bytes) + "</rsp:Stream>";
    }

    private static String envelope(WsmanRequest request, String action, String body) {
        String relatesTo = request.messageId() == null ? ""
                : "<a:RelatesTo>" + escape(request.messageId()) + "</a:RelatesTo>";
        return "<s:Envelope xmlns:s=\"" + SOAP + "\" xmlns:a=\"" + ADDRESSING + "\" xmlns:w=\"" + WSMAN
                + "\" xmlns:rsp=\"" + SHELL + "\"><s:Header><a:Action>" + action + "</a:Action><a:MessageID>uuid:"
                + UUID.randomUUID() + "</a:MessageID><a:To>" + ADDRESSING + "/role/anonymous</a:To>" + relatesTo
                + "</s:Header><s:Body>" + body + "</s:Body></s:Envelope>";
    }

    static String escape(String text) {
        return text == null ? "" : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("\"", "&quot;");
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
