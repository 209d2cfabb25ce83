package org.sitewatch.collectors.spi.settings;

import java.util.List;

/**
 * Every problem found binding one settings block, each starting with the full key it is about.
 * The runtime refuses to start on one of these; no message holds a secret's value.
 */
public class SettingsException extends IllegalArgumentException {

    private final List<String> problems;

    /** @param problems each passed through {@link Redactor}: a value quoted in a conversion error may be a URL with credentials */
    public SettingsException(List<String> problems) {
        super(String.join("; ", redacted(problems)));
        this.problems = redacted(problems);
    }

    private static List<String> redacted(List<String> problems) {
        return problems.stream().map(Redactor::redact).toList();
    }

    public List<String> problems() {
        return problems;
    }
}
