package org.sitewatch.collectors.spi.settings;

/**
 * Thrown by a settings record's constructor when a value is well-typed but unusable (a token of
 * the wrong shape, a count below 1). {@link SettingsBinder} reports it under the full key, e.g.
 * {@code sitewatch.collectors.endpoints[0].proxmox.api-token: must look like ...}.
 */
public class InvalidSettingException extends IllegalArgumentException {

    private final String key;

    /**
     * @param key the key relative to the settings block, kebab-case ({@code api-token}); for a
     *     secret, the base key without {@code -env}/{@code -file}
     * @param problem what is wrong; must not contain a secret's value (a URL it quotes is passed
     *     through {@link Redactor}, so its user info and secret parameters are masked)
     */
    public InvalidSettingException(String key, String problem) {
        super(Redactor.redact(problem));
        this.key = key;
    }

    public String key() {
        return key;
    }
}
