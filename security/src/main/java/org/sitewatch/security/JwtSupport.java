package org.sitewatch.security;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoders;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * OIDC / JWT resource-server mode: the decoder for {@code sitewatch.security.jwt.*} (signature, expiry,
 * issuer and audience checked) and the mapping of a claim's values to Sitewatch roles.
 */
final class JwtSupport {

    private static final String KEY = "sitewatch.security.jwt";

    private JwtSupport() {
    }

    /** The decoder; an issuer alone is discovered on the first token, so start-up does not wait for the provider. */
    static JwtDecoder decoder(SitewatchSecurityProperties.Jwt jwt) {
        String issuer = jwt.issuerUri() == null ? null : jwt.issuerUri().toString();
        if (jwt.jwkSetUri() == null && jwt.publicKeyFile() == null) {
            return new SupplierJwtDecoder(() -> withAudience((NimbusJwtDecoder) JwtDecoders.fromIssuerLocation(issuer), jwt, issuer));
        }
        NimbusJwtDecoder decoder = jwt.jwkSetUri() != null
                ? NimbusJwtDecoder.withJwkSetUri(jwt.jwkSetUri().toString()).build()
                : NimbusJwtDecoder.withPublicKey(publicKey(jwt.publicKeyFile())).build();
        return withAudience(decoder, jwt, issuer);
    }

    private static NimbusJwtDecoder withAudience(NimbusJwtDecoder decoder, SitewatchSecurityProperties.Jwt jwt, String issuer) {
        List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
        validators.add(issuer == null ? JwtValidators.createDefault() : JwtValidators.createDefaultWithIssuer(issuer));
        if (jwt.audience() != null && !jwt.audience().isBlank()) {
            validators.add(new JwtClaimValidator<List<String>>(JwtClaimNames.AUD,
                    aud -> aud != null && aud.contains(jwt.audience())));
        }
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(validators));
        return decoder;
    }

    static RSAPublicKey publicKey(Path file) {
        String key = KEY + ".public-key-file";
        try {
            String pem = Files.readString(file);
            if (!pem.contains("-----BEGIN PUBLIC KEY-----")) {
                throw new SecurityConfigurationException(key, file + " is not a PEM public key (-----BEGIN PUBLIC KEY-----)");
            }
            String base64 = pem.replaceAll("-----(BEGIN|END) PUBLIC KEY-----", "").replaceAll("\\s", "");
            return (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (IOException e) {
            throw new SecurityConfigurationException(key, "cannot read " + file + ": " + e.getMessage());
        } catch (java.security.GeneralSecurityException | IllegalArgumentException | ClassCastException e) {
            if (e instanceof SecurityConfigurationException s) {
                throw s;
            }
            throw new SecurityConfigurationException(key, file + " is not an RSA public key: " + e.getMessage());
        }
    }

    /** Checks the mapping's roles at start-up, so a typo stops the application with its key. */
    static void checkRoleMapping(SitewatchSecurityProperties.Jwt jwt) {
        jwt.roleMapping().forEach((claimValue, role) -> Role.parse(role, KEY + ".role-mapping[" + claimValue + "]"));
        if (jwt.rolesClaim() == null || jwt.rolesClaim().isBlank()) {
            throw new SecurityConfigurationException(KEY + ".roles-claim", "must name the claim holding roles or groups");
        }
    }

    /** Claims to an authentication: the username claim (else {@code sub}) and the mapped roles. */
    static Converter<Jwt, AbstractAuthenticationToken> authentication(SitewatchSecurityProperties.Jwt settings) {
        return jwt -> {
            Object user = jwt.getClaims().get(settings.usernameClaim());
            String name = user instanceof String s && !s.isBlank() ? s : jwt.getSubject();
            return new JwtAuthenticationToken(jwt, authorities(claim(jwt.getClaims(), settings.rolesClaim()), settings.roleMapping()), name);
        };
    }

    static Collection<GrantedAuthority> authorities(Object claimValue, Map<String, String> mapping) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String value : values(claimValue)) {
            String mapped = mapping.isEmpty() ? value : mapping.get(value);
            if (mapped == null) {
                continue;
            }
            for (Role r : Role.values()) {
                if (r.configName().equalsIgnoreCase(mapped.trim())) {
                    roles.add(r);
                }
            }
        }
        return roles.stream().map(r -> (GrantedAuthority) new SimpleGrantedAuthority(r.authority())).toList();
    }

    /** A claim by dotted path ({@code realm_access.roles}); null when absent. */
    static Object claim(Map<String, Object> claims, String path) {
        Object current = claims;
        for (String part : path.split("\\.")) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = map.get(part);
        }
        return current;
    }

    /** A list claim's strings, or a space- or comma-separated string's words (as {@code scope} is written). */
    private static List<String> values(Object claim) {
        if (claim instanceof Collection<?> c) {
            return c.stream().map(String::valueOf).toList();
        }
        if (claim instanceof String s) {
            return List.of(s.trim().split("[\\s,]+"));
        }
        return List.of();
    }
}
