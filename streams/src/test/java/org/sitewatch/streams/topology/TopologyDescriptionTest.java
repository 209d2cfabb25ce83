package org.sitewatch.streams.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sitewatch.streams.support.TopologyFixture;

/**
 * Guards the topology's shape and names against accidental change: a renamed store or repartition
 * topic loses state in a deployed app. On purpose changes, review the printed text and copy
 * {@code target/topology-actual.txt} over {@code src/test/resources/topology-approved.txt}.
 */
class TopologyDescriptionTest {

    @TempDir
    Path stateDir;

    @Test
    void shouldMatchTheApprovedTopologyDescription() throws IOException {
        String actual = SitewatchTopology.topology(TopologyFixture.properties(stateDir), TopologySettings.defaults())
                .describe().toString();

        String approved;
        try (InputStream in = getClass().getResourceAsStream("/topology-approved.txt")) {
            approved = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        if (!approved.equals(actual)) {
            Path out = Path.of("target", "topology-actual.txt");
            Files.createDirectories(out.getParent());
            Files.writeString(out, actual);
        }
        assertThat(actual).as("topology changed; new description (also in target/topology-actual.txt):%n%s", actual)
                .isEqualTo(approved);
    }
}
