package org.sitewatch.security;

/**
 * A {@code sitewatch.security.*} setting (or a file it names) is wrong; start-up stops with the key and the reason.
 */
public final class SecurityConfigurationException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String key;

    public SecurityConfigurationException(String key, String reason) {
        super(key + ": " + reason);
        this.key = key;
    }

    /** The configuration key (or file and line) at fault. */
    public String key() {
        return key;
    }
}
