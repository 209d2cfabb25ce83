package org.sitewatch.security;

import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;

/**
 * Bearer tokens declared in {@code sitewatch.security.*}: the token's SHA-256 is compared with every
 * stored hash. An unknown token is refused here; the JWT provider (when configured) gets its turn next.
 */
final class StaticTokenAuthenticationProvider implements AuthenticationProvider {

    private final Credentials credentials;

    StaticTokenAuthenticationProvider(Credentials credentials) {
        this.credentials = credentials;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String token = ((BearerTokenAuthenticationToken) authentication).getToken();
        return credentials.matchToken(token).map(TokenAuthentication::new)
                .orElseThrow(() -> new InvalidBearerTokenException("unknown bearer token"));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return BearerTokenAuthenticationToken.class.isAssignableFrom(authentication);
    }

    /** An authenticated static token: its name is the principal, its roles the authorities. */
    static final class TokenAuthentication extends AbstractAuthenticationToken {

        private static final long serialVersionUID = 1L;

        private final String name;

        TokenAuthentication(Credentials.TokenEntry entry) {
            super(entry.roles().stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList());
            this.name = entry.name();
            setAuthenticated(true);
        }

        @Override
        public Object getCredentials() {
            return ""; // the token is not kept
        }

        @Override
        public Object getPrincipal() {
            return name;
        }

        @Override
        public String getName() {
            return name;
        }

        List<String> roles() {
            return getAuthorities().stream().map(Object::toString).toList();
        }
    }
}
