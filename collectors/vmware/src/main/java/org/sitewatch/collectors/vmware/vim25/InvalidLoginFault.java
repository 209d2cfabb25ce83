package org.sitewatch.collectors.vmware.vim25;

import org.sitewatch.events.CollectorErrorKind;

/**
 * {@code InvalidLogin}: vCenter refused the user name or password. Permanent (retrying with the
 * same credentials cannot succeed and may lock the account); the remedy names the settings keys to
 * fix and where the password was read from, never the password.
 */
public final class InvalidLoginFault extends VimFault {

    static final String TYPE = "InvalidLogin";

    InvalidLoginFault(String faultString, String username, String loginKey, String passwordOrigin) {
        super(CollectorErrorKind.AUTH, true, "Login", TYPE,
                (faultString == null || faultString.isBlank() ? "login refused" : faultString) + " for user " + username,
                "Fix " + loginKey + ".username or " + loginKey + ".password (read from " + passwordOrigin + ")");
    }
}
