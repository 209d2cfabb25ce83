package org.sitewatch.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SiteLocationTest {

    @Test
    void shouldTakeACloudWithItsRegionOrAnOnPremisesLocationName() {
        assertThat(new SiteLocation("aws", "eu-central-1").onPremises()).isFalse();
        assertThat(new SiteLocation("azure", "westeurope").region()).isEqualTo("westeurope");
        assertThat(new SiteLocation("gcp", null).region()).isNull();
        assertThat(new SiteLocation(null, "Paris DC1 (room 2)").onPremises()).isTrue();
        assertThat(new SiteLocation(null, "Zürich").region()).isEqualTo("Zürich");
    }

    @Test
    void shouldNameTheBadCloudWord() {
        assertThatThrownBy(() -> new SiteLocation("AWS", "eu-central-1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'AWS'").hasMessageContaining("lower-case provider word");
        assertThatThrownBy(() -> new SiteLocation("amazon web services", null)).hasMessageContaining("'amazon web services'");
        assertThatThrownBy(() -> new SiteLocation("on-premises", "Paris")).hasMessageContaining("'on-premises'");
        assertThatThrownBy(() -> new SiteLocation("onprem", "Paris"))
                .hasMessageContaining("'onprem'").hasMessageContaining("leave cloud out");
    }

    @Test
    void shouldNameTheBadRegion() {
        assertThatThrownBy(() -> new SiteLocation("aws", " eu-central-1"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("' eu-central-1'");
        assertThatThrownBy(() -> new SiteLocation("aws", "eu/central")).hasMessageContaining("'eu/central'");
        assertThatThrownBy(() -> new SiteLocation(null, "x".repeat(65))).hasMessageContaining("at most 64");
    }

    @Test
    void shouldRefuseAnEmptyLocationButTreatBlankConfigurationAsNotSet() {
        assertThatThrownBy(() -> new SiteLocation(null, null)).hasMessageContaining("needs a cloud, a region or both");
        assertThat(SiteLocation.of(null, " ")).isNull();
        assertThat(SiteLocation.of("", "eu-west-1")).isEqualTo(new SiteLocation(null, "eu-west-1"));
        assertThatThrownBy(() -> SiteLocation.of("Azure", null)).hasMessageContaining("'Azure'");
    }
}
