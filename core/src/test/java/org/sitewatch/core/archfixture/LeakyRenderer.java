package org.sitewatch.core.archfixture;

import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.util.StringUtils;

/** Test fixture only: a "core" class that breaks the dependency rule, to show that the rule catches it. */
public final class LeakyRenderer {

    private LeakyRenderer() {
    }

    public static byte[] render(String site) {
        try (StringSerializer serializer = new StringSerializer()) {
            return serializer.serialize("sites", StringUtils.capitalize(site));
        }
    }
}
