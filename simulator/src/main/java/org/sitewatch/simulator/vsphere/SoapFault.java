package org.sitewatch.simulator.vsphere;

/**
 * A vim25 fault the front answers with (HTTP 500 and a {@code soapenv:Fault} whose detail is
 * {@code <XxxFault xsi:type="Xxx">}), e.g. {@code InvalidLogin}, {@code NotAuthenticated}.
 */
final class SoapFault extends RuntimeException {

    final String type;

    SoapFault(String type, String message) {
        super(message);
        this.type = type;
    }

    static SoapFault notAuthenticated() {
        return new SoapFault("NotAuthenticated", "The session is not authenticated.");
    }

    static SoapFault invalidLogin() {
        return new SoapFault("InvalidLogin", "Cannot complete login due to an incorrect user name or password.");
    }

    static SoapFault notImplemented(String method) {
        return new SoapFault("NotImplemented", "the simulated vCenter does not implement " + method);
    }

    static SoapFault invalidArgument(String what) {
        return new SoapFault("InvalidArgument", "A specified parameter was not correct: " + what);
    }

    static SoapFault notFound(MoRef ref) {
        return new SoapFault("ManagedObjectNotFound", "The object '" + ref + "' has already been deleted or has not"
                + " been completely created");
    }
}
