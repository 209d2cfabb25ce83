package org.sitewatch.core.alerts;

import java.util.Locale;

/** The {@code severity} label of an alert. */
public enum Severity {
    CRITICAL, WARNING, INFO;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
