package org.sitewatch.security;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;

/** A web app with the stand-in API and the security auto-configuration, as every Sitewatch app gets it. */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(StubApi.class)
class SecurityTestApp {
}
