package org.sitewatch.collectors.spi.settings;

import java.util.List;

/**
 * Every problem found binding one settings block, each starting with the full key it is about.
 * The runtime refuses to start on one of these; no message holds a secret's value.
 */
public class SettingsException extends IllegalArgumentException {

    private final List<String> problems;

    public SettingsException(List<String> problems) {
        super(String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
