package org.sitewatch.collectors.spi.settings;

/**
 * A user name and password, e.g. {@code login: {username: monitor@vsphere.local, password-file: /run/secrets/vc}}.
 * Vendors that log in with a session (vCenter, oVirt, XenServer) use it.
 */
public record UserPassword(@Required(example = "monitor@vsphere.local") String username, @Required Secret password) {

    @Override
    public String toString() {
        return "UserPassword[username=" + username + ", password=" + password + "]";
    }
}
