package org.sitewatch.security;

import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;

/**
 * A bearer token typed into a browser's login box: HTTP basic with the token's name as the user and the
 * token as the password. This is how the status page (whose API calls a browser cannot give a bearer
 * header) is opened with a token, e.g. {@code admin} and the embedded default's admin token.
 */
final class TokenPasswordAuthenticationProvider implements AuthenticationProvider {

    private final Credentials credentials;

    TokenPasswordAuthenticationProvider(Credentials credentials) {
        this.credentials = credentials;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String user = authentication.getName();
        Object password = authentication.getCredentials();
        if (password == null) {
            throw new BadCredentialsException("no password");
        }
        return credentials.matchToken(password.toString()).filter(t -> t.name().equals(user))
                .map(t -> (Authentication) new StaticTokenAuthenticationProvider.TokenAuthentication(t))
                .orElseThrow(() -> new BadCredentialsException("not a token of that name"));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
