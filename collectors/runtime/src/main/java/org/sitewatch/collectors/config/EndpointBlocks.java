package org.sitewatch.collectors.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.sitewatch.collectors.spi.settings.SettingsBlock;
import org.sitewatch.events.Platform;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.ResolvableType;
import org.springframework.core.env.Environment;

/**
 * Reads each {@code sitewatch.collectors.endpoints[n]} as a plain property tree, to hand its
 * vendor block ({@code endpoints[n].<platform>}) to the plug-in unbound, and to refuse keys that
 * are neither common nor that block: a typo, or a vendor key written at the endpoint level as
 * before the settings were per vendor ({@code endpoints[0].api-token} is now
 * {@code endpoints[0].proxmox.api-token}).
 *
 * <p>Limits: keys are compared in Spring's relaxed form (case, dashes and underscores ignored).
 */
final class EndpointBlocks {

    static final String PREFIX = "sitewatch.collectors.endpoints";
    private static final Set<String> COMMON = Set.of("id", "site", "platform", "pollinterval", "timeout",
            "polldeadline", "resyncevery", "targetrpo", "nodesites", "cloud", "region");
    private static final Bindable<List<Map<String, Object>>> TREES = Bindable.of(ResolvableType.forClassWithGenerics(
            List.class, ResolvableType.forClassWithGenerics(Map.class, String.class, Object.class)));

    private final List<Map<String, Object>> trees;

    EndpointBlocks(Environment environment) {
        this.trees = Binder.get(environment).bind(PREFIX, TREES).orElse(List.of());
    }

    /** The vendor block of endpoint {@code index} for its platform; empty when it has none. */
    SettingsBlock vendorBlock(int index, Platform platform) {
        String key = PREFIX + "[" + index + "]." + platform.wire();
        Object block = index < trees.size() ? find(trees.get(index), platform.wire()) : null;
        if (!(block instanceof Map<?, ?> map)) {
            return new SettingsBlock(key, Map.of());
        }
        Map<String, Object> tree = new LinkedHashMap<>();
        map.forEach((k, v) -> tree.put(String.valueOf(k), v));
        return new SettingsBlock(key, tree);
    }

    /** Keys of endpoint {@code index} that are neither common keys nor its platform's block. */
    List<String> problems(int index, Platform platform) {
        List<String> problems = new ArrayList<>();
        if (index >= trees.size()) {
            return problems;
        }
        String at = PREFIX + "[" + index + "].";
        for (Map.Entry<String, Object> e : trees.get(index).entrySet()) {
            String key = canonical(e.getKey());
            if (COMMON.contains(key) || key.equals(canonical(platform.wire()))) {
                if (key.equals(canonical(platform.wire())) && !(e.getValue() instanceof Map)) {
                    problems.add(at + e.getKey() + ": must be a block of " + platform.wire() + " settings");
                }
                continue;
            }
            problems.add(at + e.getKey() + ": unknown key; vendor settings go in the platform's block, e.g. "
                    + at + platform.wire() + "." + e.getKey() + " (common keys: id, site, platform, poll-interval, "
                    + "timeout, poll-deadline, resync-every, target-rpo, node-sites, cloud, region)");
        }
        return problems;
    }

    private static Object find(Map<String, Object> tree, String key) {
        for (Map.Entry<String, Object> e : tree.entrySet()) {
            if (canonical(e.getKey()).equals(canonical(key))) {
                return e.getValue();
            }
        }
        return null;
    }

    private static String canonical(String key) {
        return key.replace("-", "").replace("_", "").toLowerCase(Locale.ROOT);
    }
}
