package org.sitewatch.audit.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class HashChainTest {

    @Test
    void shouldStartAtTheHashOfNothingAndChainEachRecordOnThePreviousHead() throws Exception {
        HashChain chain = new HashChain();
        assertThat(chain.head()).isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");

        chain.add("a".getBytes(StandardCharsets.UTF_8));

        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        sha.update(HexFormat.of().parseHex("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"));
        sha.update("a".getBytes(StandardCharsets.UTF_8));
        assertThat(chain.head()).isEqualTo(HexFormat.of().formatHex(sha.digest()));
        assertThat(chain.length()).isEqualTo(1);
    }

    @Test
    void shouldDependOnOrder() {
        HashChain ab = new HashChain();
        ab.add(new byte[] {1});
        ab.add(new byte[] {2});
        HashChain ba = new HashChain();
        ba.add(new byte[] {2});
        ba.add(new byte[] {1});
        assertThat(ab.head()).isNotEqualTo(ba.head());
    }
}
