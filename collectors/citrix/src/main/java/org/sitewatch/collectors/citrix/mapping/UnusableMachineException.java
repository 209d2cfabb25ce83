package org.sitewatch.collectors.citrix.mapping;

/** A machine record the collector cannot map (no id, a field of the wrong type); it is skipped with this reason. */
public final class UnusableMachineException extends Exception {

    UnusableMachineException(String message) {
        super(message);
    }
}
