/**
 * NTLMv2 for HTTP logins (MS-NLMP): the NEGOTIATE, CHALLENGE and AUTHENTICATE messages and the
 * NTLMv2 response computations, with the MD4 the NT hash needs. No framework, no I/O: each
 * vendor's transport runs the exchange on its own connection.
 */
package org.sitewatch.collectors.spi.http.ntlm;
