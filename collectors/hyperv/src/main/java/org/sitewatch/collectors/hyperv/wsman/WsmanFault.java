package org.sitewatch.collectors.hyperv.wsman;

import java.util.Locale;
import org.sitewatch.collectors.spi.CollectorException;
import org.sitewatch.events.CollectorErrorKind;

/**
 * A SOAP fault answered by a WS-Management service, classified by its WS-Management subcode
 * ({@code w:AccessDenied}, {@code w:InvalidSelectors}, ...; DSP0226 section 14) and the Windows
 * error code of its {@code WSManFault} detail:
 * <ul>
 *   <li>access denied (subcode, or Windows error 5): permanent AUTH: the account may log in but
 *       not use WinRM or Hyper-V;</li>
 *   <li>a quota reached ({@code w:QuotaLimit}, e.g. MaxShellsPerUser): retriable, shells left open
 *       by earlier clients time out by themselves;</li>
 *   <li>the shell is unknown ({@code w:InvalidSelectors}: deleted or timed out on the server):
 *       retriable, the next run opens a new shell;</li>
 *   <li>the address is no WinRM listener for the shell ({@code w:ActionNotSupported},
 *       {@code w:DestinationUnreachable}, {@code w:EndpointUnavailable}): permanent HTTP_4XX;</li>
 *   <li>{@code w:TimedOut}: retriable TIMEOUT (a receive that timed out is not an error: the
 *       client keeps receiving);</li>
 *   <li>anything else: retriable HTTP_5XX.</li>
 * </ul>
 */
public final class WsmanFault extends CollectorException {

    private static final int WINDOWS_ACCESS_DENIED = 5;

    private final String subcode;
    private final Long windowsCode;
    private final String reason;

    private WsmanFault(CollectorErrorKind kind, boolean permanent, String message, String remedy, String subcode,
                       Long windowsCode, String reason) {
        super(kind, permanent, message, remedy, null);
        this.subcode = subcode;
        this.windowsCode = windowsCode;
        this.reason = reason;
    }

    /**
     * @param operation what was asked, for the message (e.g. "Receive")
     * @param subcode the subcode's local name without its prefix, null when absent
     * @param windowsCode the {@code WSManFault} detail's {@code Code}, null when absent
     * @param reason the fault's text (the detail's message, else {@code s:Reason}); may be null
     */
    static WsmanFault of(String operation, String subcode, Long windowsCode, String reason) {
        String local = subcode == null ? "" : subcode;
        String message = "WinRM " + operation + " failed: " + (subcode == null ? "SOAP fault" : "w:" + subcode)
                + (windowsCode == null ? "" : " (code " + windowsCode + ")") + (reason == null ? "" : ": " + reason);
        if (local.equals("AccessDenied") || windowsCode != null && windowsCode == WINDOWS_ACCESS_DENIED) {
            return new WsmanFault(CollectorErrorKind.AUTH, true, message, "The account may log in but not run a "
                    + "remote shell: add it to the host's Administrators or Remote Management Users and "
                    + "Hyper-V Administrators groups", subcode, windowsCode, reason);
        }
        return switch (local) {
            case "QuotaLimit" -> new WsmanFault(CollectorErrorKind.HTTP_5XX, false, message, null, subcode, windowsCode,
                    reason);
            case "ActionNotSupported", "DestinationUnreachable", "EndpointUnavailable" -> new WsmanFault(
                    CollectorErrorKind.HTTP_4XX, true, message, "Point the url at the host's WinRM listener, "
                    + "e.g. https://hv-a1.corp.example:5986/wsman", subcode, windowsCode, reason);
            case "TimedOut" -> new WsmanFault(CollectorErrorKind.TIMEOUT, false, message, null, subcode, windowsCode,
                    reason);
            default -> new WsmanFault(CollectorErrorKind.HTTP_5XX, false, message, null, subcode, windowsCode, reason);
        };
    }

    /** The WS-Management subcode's local name (e.g. {@code InvalidSelectors}); null when the fault had none. */
    public String subcode() {
        return subcode;
    }

    /** The Windows error code from the fault's detail; null when absent. */
    public Long windowsCode() {
        return windowsCode;
    }

    /** The service's own text; null when absent. */
    public String reason() {
        return reason;
    }

    boolean is(String localSubcode) {
        return subcode != null && subcode.toLowerCase(Locale.ROOT).equals(localSubcode.toLowerCase(Locale.ROOT));
    }
}
