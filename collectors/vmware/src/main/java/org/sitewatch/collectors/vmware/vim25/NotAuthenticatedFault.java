package org.sitewatch.collectors.vmware.vim25;

import org.sitewatch.events.CollectorErrorKind;

/**
 * {@code NotAuthenticated}: the session behind the cookie is gone (expired, logged out, vCenter
 * restarted). {@link Vim25Client} logs in again once and retries the call; this reaches a caller
 * only when the retry fails the same way.
 */
public final class NotAuthenticatedFault extends VimFault {

    static final String TYPE = "NotAuthenticated";

    NotAuthenticatedFault(String method, String faultString) {
        super(CollectorErrorKind.AUTH, false, method, TYPE, faultString, null);
    }
}
