package org.sitewatch.collectors.spi.settings;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A credential's value: an API token, a password, an OAuth2 client secret, a PEM client
 * certificate with its key, an SSH private key, a kubeconfig (a binary file such as a Kerberos
 * keytab is a path setting instead).
 * The binder reads it from one of three keys: {@code <key>-env: VAR} (an environment variable),
 * {@code <key>-file: /path} (the whole file; one trailing line break is dropped) or {@code <key>}
 * inline, for tests and labs.
 *
 * <p>{@link #toString()} never shows the value, only where it came from, so a settings record
 * holding secrets can be logged or put into a failure message as it is.
 *
 * <p>Limits: the value is kept as a {@code String} for the life of the collector (the JDK's HTTP
 * and TLS APIs want one anyway); a rotated file is read again only when the endpoint's source is
 * created again.
 */
public final class Secret {

    private final String value;
    private final String origin;

    private Secret(String value, String origin) {
        this.value = Objects.requireNonNull(value, "value");
        this.origin = Objects.requireNonNull(origin, "origin");
    }

    /** A value given in the configuration itself. */
    public static Secret inline(String value) {
        return new Secret(value, "inline");
    }

    /** A value read from the named environment variable. */
    public static Secret fromEnvironment(String value, String variable) {
        return new Secret(value, "environment variable " + variable);
    }

    /** A value read from the named file. */
    public static Secret fromFile(String value, String path) {
        return new Secret(value, "file " + path);
    }

    /** The value itself: pass it to the vendor's API, never to a log. */
    public String reveal() {
        return value;
    }

    /** The value as UTF-8 bytes, for key material. */
    public byte[] revealBytes() {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    /** Where the value came from ({@code inline}, {@code environment variable X}, {@code file /p}): safe to show. */
    public String origin() {
        return origin;
    }

    @Override
    public String toString() {
        return "****** (" + origin + ")";
    }
}
