package org.sitewatch.collectors.vmware.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EntityStatusTest {

    /** Every ManagedEntityStatus of the vendor doc, plus a later word and an absent one. */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(nullValues = "-", value = {
        "green,  OK",
        "yellow, WARNING",
        "red,    PROBLEM",
        "gray,   UNKNOWN",
        "blue,   UNKNOWN",
        "-,      UNKNOWN",
    })
    void shouldMapEveryManagedEntityStatus(String word, EntityStatus expected) {
        assertThat(EntityStatus.of(word)).isEqualTo(expected);
    }
}
