package org.sitewatch.security;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a wrong {@code sitewatch.security.*} entry into Spring Boot's short "APPLICATION FAILED TO START" report. */
public final class SecurityConfigurationFailureAnalyzer extends AbstractFailureAnalyzer<SecurityConfigurationException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, SecurityConfigurationException cause) {
        return new FailureAnalysis("Wrong security setting: " + cause.getMessage(),
                "Fix " + cause.key() + " (docs/security.md describes every sitewatch.security.* setting).", cause);
    }
}
