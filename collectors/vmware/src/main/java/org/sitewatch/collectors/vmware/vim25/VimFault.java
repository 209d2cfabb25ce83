package org.sitewatch.collectors.vmware.vim25;

import java.util.Map;
import org.sitewatch.collectors.spi.CollectorException;
import org.sitewatch.events.CollectorErrorKind;

/**
 * A SOAP fault from vCenter, typed by its fault class (the {@code xsi:type} of the fault in
 * {@code <detail>}, e.g. {@code InvalidArgument}, {@code ManagedObjectNotFound}). Retriable by
 * default (the server refused this call, the next poll may fare better), with two typed cases:
 * {@link NotAuthenticatedFault} (the session is gone) and {@link InvalidLoginFault} (the
 * credentials are wrong); {@code NoPermission} is permanent, as only an administrator can fix it.
 */
public class VimFault extends CollectorException {

    private final String method;
    private final String faultType;
    private final String faultString;

    protected VimFault(CollectorErrorKind kind, boolean permanent, String method, String faultType,
                       String faultString, String remedy) {
        super(kind, permanent, describe(method, faultType, faultString), remedy, null);
        this.method = method;
        this.faultType = faultType;
        this.faultString = faultString;
    }

    /** The fault a {@code soapenv:Fault} element (as read by {@link SoapResponseReader}) describes. */
    static VimFault of(String method, DataObject fault) {
        String type = faultType(fault);
        String text = fault.string("faultstring");
        return switch (type) {
            case NotAuthenticatedFault.TYPE -> new NotAuthenticatedFault(method, text);
            case "NoPermission" -> new VimFault(CollectorErrorKind.AUTH, true, method, type, text,
                    "Give the vCenter user at least the Read-only role on the vCenter root, propagated to children");
            default -> new VimFault(CollectorErrorKind.HTTP_5XX, false, method, type, text, null);
        };
    }

    /** The fault class from {@code <detail><XxxFault xsi:type="Xxx">}, else the SOAP fault code. */
    private static String faultType(DataObject fault) {
        DataObject detail = fault.object("detail");
        if (detail != null && !detail.fields().isEmpty()) {
            Map.Entry<String, Object> first = detail.fields().entrySet().iterator().next();
            if (first.getValue() instanceof DataObject object && object.type() != null) {
                return object.type();
            }
            String element = first.getKey();
            return element.endsWith("Fault") ? element.substring(0, element.length() - "Fault".length()) : element;
        }
        String code = fault.string("faultcode");
        return code == null || code.isBlank() ? "UnknownFault" : code;
    }

    private static String describe(String method, String faultType, String faultString) {
        return method + " failed with " + faultType
                + (faultString == null || faultString.isBlank() ? "" : ": " + faultString.trim());
    }

    /** The vim25 method that failed. */
    public String method() {
        return method;
    }

    /** The fault class, e.g. {@code InvalidLogin}, {@code NotAuthenticated}, {@code InvalidArgument}. */
    public String faultType() {
        return faultType;
    }

    /** The server's {@code faultstring}, possibly empty. */
    public String faultString() {
        return faultString;
    }
}
