package org.sitewatch.collectors.spi.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PropertyTreeTest {

    @Test
    void shouldOpenBlocksMapsAndListsFromFlatNames() {
        Map<String, String> flat = new LinkedHashMap<>();
        flat.put("url", "https://127.0.0.1:8007/");
        flat.put("login.username", "monitor");
        flat.put("login.password", "s3cret");
        flat.put("sites[hv.paris-1]", "paris-dc1");
        flat.put("sites[HVC-OSLO]", "oslo-dc4");
        flat.put("vaults[1].name", "rsv-b");
        flat.put("vaults[0].name", "rsv-a");
        flat.put("vaults[0].resource-group", "rg-a");
        flat.put("hosts[0]", "hv-1");
        flat.put("hosts[1]", "hv-2");

        Map<String, Object> tree = PropertyTree.of(flat);

        assertThat(tree).containsEntry("url", "https://127.0.0.1:8007/")
                .containsEntry("login", Map.of("username", "monitor", "password", "s3cret"))
                .containsEntry("sites", Map.of("hv.paris-1", "paris-dc1", "HVC-OSLO", "oslo-dc4"))
                .containsEntry("vaults", List.of(Map.of("name", "rsv-a", "resource-group", "rg-a"), Map.of("name", "rsv-b")))
                .containsEntry("hosts", List.of("hv-1", "hv-2"));
        assertThat(tree.keySet()).containsExactly("url", "login", "sites", "vaults", "hosts");
    }

    @Test
    void shouldBindWhatItBuilds() {
        record Login(String username, Secret password) {
        }
        record Block(String url, Login login, Map<String, String> sites) {
        }
        Block bound = new SettingsBlock("sitewatch.collectors.endpoints[0].test", PropertyTree.of(Map.of(
                "url", "https://h", "login.username", "u", "login.password", "p", "sites[n1]", "s1")))
                .bind(Block.class, new SettingsBinder(name -> null));

        assertThat(bound.login().username()).isEqualTo("u");
        assertThat(bound.sites()).containsEntry("n1", "s1");
    }

    @Test
    void shouldNameTheMalformedProperty() {
        assertThatThrownBy(() -> PropertyTree.of(Map.of("sites[n1", "x"))).hasMessageContaining("'sites[n1'");
        assertThatThrownBy(() -> PropertyTree.of(Map.of("a[0][1]", "x"))).hasMessageContaining("'a[0][1]'");
        assertThatThrownBy(() -> PropertyTree.of(Map.of("login..user", "x"))).hasMessageContaining("'login..user'");
        Map<String, String> both = new LinkedHashMap<>();
        both.put("login", "x");
        both.put("login.user", "y");
        assertThatThrownBy(() -> PropertyTree.of(both)).hasMessageContaining("'login.user'");
        Map<String, String> listAndMap = new LinkedHashMap<>();
        listAndMap.put("a[0]", "x");
        listAndMap.put("a[b]", "y");
        assertThatThrownBy(() -> PropertyTree.of(listAndMap)).hasMessageContaining("both as a list and as a map");
    }
}
