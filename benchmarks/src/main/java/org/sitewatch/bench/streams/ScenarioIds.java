package org.sitewatch.bench.streams;

import java.util.UUID;

/** Names that make each scenario run start from scratch on a broker other runs have used. */
final class ScenarioIds {

    private ScenarioIds() {
    }

    /** {@code prefix-<8 hex digits>}: a Kafka Streams application id (consumer group, internal topics) of its own. */
    static String fresh(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
