package org.sitewatch.collectors.hyperv.wsman;

/** The namespaces, actions and URIs of WS-Management and its Windows shell profile (MS-WSMV). */
final class Wsman {

    static final String SOAP = "http://www.w3.org/2003/05/soap-envelope";
    static final String ADDRESSING = "http://schemas.xmlsoap.org/ws/2004/08/addressing";
    static final String WSMAN = "http://schemas.dmtf.org/wbem/wsman/1/wsman.xsd";
    static final String MS_WSMAN = "http://schemas.microsoft.com/wbem/wsman/1/wsman.xsd";
    static final String SHELL = "http://schemas.microsoft.com/wbem/wsman/1/windows/shell";
    static final String MS_FAULT = "http://schemas.microsoft.com/wbem/wsman/1/wsmanfault";

    static final String ANONYMOUS = ADDRESSING + "/role/anonymous";
    /** The resource URI of the Windows command shell (cmd), the one WinRS and PowerShell remoting-less clients use. */
    static final String CMD_SHELL = SHELL + "/cmd";

    static final String ACTION_CREATE = "http://schemas.xmlsoap.org/ws/2004/09/transfer/Create";
    static final String ACTION_DELETE = "http://schemas.xmlsoap.org/ws/2004/09/transfer/Delete";
    static final String ACTION_COMMAND = SHELL + "/Command";
    static final String ACTION_RECEIVE = SHELL + "/Receive";
    static final String ACTION_SIGNAL = SHELL + "/Signal";

    static final String SIGNAL_TERMINATE = SHELL + "/signal/terminate";
    static final String COMMAND_STATE_DONE = SHELL + "/CommandState/Done";

    private Wsman() {
    }
}
