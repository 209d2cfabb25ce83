package org.sitewatch.app;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts {@link SitewatchApplication} with properties given as command-line arguments, so they win
 * over environment variables and config files, while anything not given still comes from those.
 */
final class SpringLauncher {

    private SpringLauncher() {
    }

    static ConfigurableApplicationContext start(Map<String, String> properties, List<String> extraArgs) {
        List<String> args = new ArrayList<>();
        properties.forEach((k, v) -> args.add("--" + k + "=" + v));
        args.addAll(extraArgs);
        SpringApplication app = new SpringApplication(SitewatchApplication.class);
        // The caller closes the context in its own shutdown order (Spring before simulator and broker).
        app.setRegisterShutdownHook(false);
        return app.run(args.toArray(String[]::new));
    }
}
