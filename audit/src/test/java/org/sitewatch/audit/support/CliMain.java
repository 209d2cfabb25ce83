package org.sitewatch.audit.support;

import picocli.CommandLine;

/**
 * The audit commands from the test classpath, as {@code sitewatch} runs them (for the benchmark
 * scripts and the documented session): {@code java -cp ... org.sitewatch.audit.support.CliMain replay ...}.
 */
public final class CliMain {

    private CliMain() {
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new Cli.Root()).execute(args));
    }
}
