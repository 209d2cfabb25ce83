package org.sitewatch.collectors.libvirt;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Set;
import org.sitewatch.collectors.spi.settings.InvalidSettingException;
import org.sitewatch.collectors.spi.settings.Redactor;
import org.sitewatch.collectors.spi.settings.Required;

/**
 * One KVM host of a libvirt endpoint, {@code hosts[i]}.
 *
 * @param name the host's name in events and views (and in the endpoint's {@code node-sites})
 * @param uri the libvirt connection URI: {@code qemu:///system} on the host itself,
 *     {@code qemu+ssh://user@host/system?keyfile=/path}, {@code qemu+tls://host/system}, or the
 *     test driver {@code test:///default} / {@code test:///<absolute path of a node XML>}. Kept as
 *     text because libvirt URIs often have no host ({@code qemu:///system}).
 */
public record LibvirtHost(@Required(example = "kvm1") String name,
                          @Required(example = "qemu+ssh://monitor@kvm1/system") String uri) {

    /** The drivers this collector watches (KVM, and libvirt's own test driver), with their transports. */
    private static final Set<String> DRIVERS = Set.of("qemu", "test");
    private static final Set<String> TRANSPORTS = Set.of("ssh", "tls", "tcp", "unix", "libssh", "libssh2");

    public LibvirtHost {
        if (name.isBlank()) {
            throw new InvalidSettingException("name", "must not be blank");
        }
        URI parsed;
        try {
            parsed = new URI(uri.trim());
        } catch (URISyntaxException e) {
            throw new InvalidSettingException("uri", "is not a libvirt URI: " + e.getReason() + " at index " + e.getIndex());
        }
        String scheme = parsed.getScheme();
        if (scheme == null || parsed.isOpaque()) {
            throw new InvalidSettingException("uri", "must look like qemu:///system or qemu+ssh://user@host/system but was '"
                    + redacted(parsed) + "'");
        }
        String driver = scheme.contains("+") ? scheme.substring(0, scheme.indexOf('+')) : scheme;
        String transport = scheme.contains("+") ? scheme.substring(scheme.indexOf('+') + 1) : null;
        if (!DRIVERS.contains(driver) || (transport != null && !TRANSPORTS.contains(transport))) {
            throw new InvalidSettingException("uri", "scheme '" + scheme + "' is not a libvirt KVM URI (use qemu, "
                    + "qemu+ssh, qemu+tls, qemu+tcp, qemu+unix or the test driver test)");
        }
        uri = uri.trim();
    }

    /**
     * Whether libvirt opens this driver inside this process ({@code test:///...}) rather than talking
     * to a daemon: such a connection has no keepalive (asking for one only makes libvirt print an
     * error on stderr).
     */
    boolean inProcessDriver() {
        try {
            URI parsed = new URI(uri);
            return "test".equals(parsed.getScheme()) && parsed.getHost() == null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /** The URI for messages and logs, without a password. */
    String displayUri() {
        try {
            return redacted(new URI(uri));
        } catch (URISyntaxException e) {
            return "(unparsable uri)";
        }
    }

    private static String redacted(URI uri) {
        String text = uri.toString();
        // A user name is shown; a password in the user info (user:secret@) never is.
        String userInfo = uri.getRawUserInfo();
        return userInfo == null || !userInfo.contains(":") ? text : text.replace(userInfo + "@", "***@");
    }

    /** Safe to log: secrets show only their origin, URLs lose user info and secret parameters. */
    @Override
    public String toString() {
        return Redactor.describe(this);
    }
}
