package org.sitewatch.audit.export;

/** The name and version of the tool that wrote a manifest, from the jar manifest ("dev" from classes). */
public final class Tool {

    private Tool() {
    }

    public static String name() {
        String v = Tool.class.getPackage().getImplementationVersion();
        return "sitewatch-audit " + (v == null ? "dev" : v);
    }
}
