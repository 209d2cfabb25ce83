package org.sitewatch.collectors.spi.http.ntlm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * The NTLMv2 computations against the worked example of MS-NLMP section 4.2.4: user "User", domain
 * "Domain", password "Password", server challenge 0123456789abcdef, client challenge eight 0xaa
 * bytes, time 0, and a target information of MsvAvNbDomainName "Domain", MsvAvNbComputerName
 * "Server" and MsvAvEOL (4.2.4.1.3's AV pairs).
 */
class NtlmV2Test {

    private static final HexFormat HEX = HexFormat.of();
    static final byte[] SERVER_CHALLENGE = HEX.parseHex("0123456789abcdef");
    static final byte[] CLIENT_CHALLENGE = HEX.parseHex("aaaaaaaaaaaaaaaa");
    static final byte[] TARGET_INFO = HEX.parseHex("02000c0044006f006d00610069006e00"
            + "01000c00530065007200760065007200" + "00000000");

    @Test
    void shouldComputeTheNtHashOfMsNlmp4221() {
        assertThat(HEX.formatHex(NtlmV2.ntHash("Password"))).isEqualTo("a4f49c406510bdcab6824ee7c30fd852");
    }

    @Test
    void shouldComputeNtowfV2Of4241() {
        assertThat(HEX.formatHex(NtlmV2.responseKey("User", "Domain", "Password")))
                .isEqualTo("0c868a403bfd7a93a3001ef22ef02e3f");
    }

    @Test
    void shouldUpperCaseTheUserButNotTheDomain() {
        byte[] reference = NtlmV2.responseKey("User", "Domain", "Password");

        assertThat(NtlmV2.responseKey("user", "Domain", "Password")).isEqualTo(reference);
        assertThat(NtlmV2.responseKey("User", "DOMAIN", "Password")).isNotEqualTo(reference);
    }

    @Test
    void shouldComputeTheResponsesOf4242() {
        NtlmV2.Responses responses = NtlmV2.compute(NtlmV2.responseKey("User", "Domain", "Password"),
                SERVER_CHALLENGE, CLIENT_CHALLENGE, 0, TARGET_INFO, false);

        assertThat(HEX.formatHex(responses.lmChallengeResponse()))
                .isEqualTo("86c35097ac9cec102554764a57cccc19aaaaaaaaaaaaaaaa");
        assertThat(HEX.formatHex(Arrays.copyOf(responses.ntChallengeResponse(), 16)))
                .isEqualTo("68cd0ab851e51c96aabc927bebef6a1c");
        assertThat(HEX.formatHex(responses.ntChallengeResponse())).isEqualTo("68cd0ab851e51c96aabc927bebef6a1c"
                + "0101000000000000" + "0000000000000000" + "aaaaaaaaaaaaaaaa" + "00000000"
                + HEX.formatHex(TARGET_INFO) + "00000000");
        assertThat(HEX.formatHex(responses.sessionBaseKey())).isEqualTo("8de40ccadbc14a82f15cb0ad0de95ca3");
    }

    @Test
    void shouldSendAZeroLmResponseOnceTheServersTimestampIsUsed() {
        NtlmV2.Responses responses = NtlmV2.compute(NtlmV2.responseKey("User", "Domain", "Password"),
                SERVER_CHALLENGE, CLIENT_CHALLENGE, 0, TARGET_INFO, true);

        assertThat(responses.lmChallengeResponse()).isEqualTo(new byte[24]);
        assertThat(HEX.formatHex(Arrays.copyOf(responses.ntChallengeResponse(), 16)))
                .isEqualTo("68cd0ab851e51c96aabc927bebef6a1c");
    }
}
