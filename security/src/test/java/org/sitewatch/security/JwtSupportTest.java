package org.sitewatch.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Claim values to roles: dotted paths, lists or space-separated strings, mapped or taken as role names. */
class JwtSupportTest {

    @Test
    void shouldReadRolesFromANestedClaimThroughTheMapping() {
        Map<String, Object> claims = Map.of("realm_access", Map.of("roles", List.of("sre", "finance")));
        Object value = JwtSupport.claim(claims, "realm_access.roles");
        assertThat(JwtSupport.authorities(value, Map.of("sre", "operator", "audit", "auditor")))
                .extracting(Object::toString).containsExactly("ROLE_operator");
        assertThat(JwtSupport.claim(claims, "realm_access.groups")).isNull();
        assertThat(JwtSupport.claim(claims, "missing.deeper")).isNull();
    }

    @Test
    void shouldTakeRoleNamesAsTheyAreWithoutAMapping() {
        assertThat(JwtSupport.authorities("viewer auditor unknown", Map.of())).extracting(Object::toString)
                .containsExactlyInAnyOrder("ROLE_viewer", "ROLE_auditor");
        assertThat(JwtSupport.authorities(List.of("ADMIN"), Map.of())).extracting(Object::toString).containsExactly("ROLE_admin");
        assertThat(JwtSupport.authorities(42, Map.of())).isEmpty();
    }
}
