package org.sitewatch.app;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Parameters;

/**
 * The Spring properties a user writes after a part's options, as the README promises: any
 * {@code --name=value} the command does not know itself, or {@code name=value}. picocli would
 * refuse an unknown {@code --name=value} as an unknown option, so those arrive here as unmatched
 * arguments and are checked: anything that is not of the form {@code name=value} is an error that
 * names it (a mistyped option such as {@code --prot 8080} is not silently handed to Spring).
 * picocli keeps the unmatched arguments on the subcommand's {@code CommandLine} (the commands allow
 * them, see {@code SitewatchCli.commandLine()}), so the command passes them in.
 */
final class SpringArguments {

    @Parameters(paramLabel = "--spring.property=value", arity = "0..*",
            description = "Any Spring property, e.g. --sitewatch.alerting.alertmanager.urls=http://127.0.0.1:9093 "
                    + "or --sitewatch.kafka.properties.security.protocol=SSL.")
    List<String> positional = new ArrayList<>();

    /**
     * The properties, unmatched {@code --name=value} first, then {@code name=value}; a later one wins.
     *
     * @param unmatched what picocli could not match to an option of the command
     */
    Map<String, String> properties(List<String> unmatched) {
        Map<String, String> props = new LinkedHashMap<>();
        List<String> all = new ArrayList<>(unmatched);
        all.addAll(positional);
        for (String arg : all) {
            String kv = arg.startsWith("--") ? arg.substring(2) : arg;
            int eq = kv.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("unknown option or argument '" + arg + "': a Spring property "
                        + "is written --name=value (see --help for the options of this command)");
            }
            props.put(kv.substring(0, eq), kv.substring(eq + 1));
        }
        return props;
    }
}
