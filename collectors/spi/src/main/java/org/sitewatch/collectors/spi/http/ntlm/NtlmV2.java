package org.sitewatch.collectors.spi.http.ntlm;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The NTLMv2 computations of MS-NLMP section 3.3.2: the NT hash (MD4 of the UTF-16LE password),
 * NTOWFv2 (HMAC-MD5 keyed by it over the upper-cased user and the domain as given), and the
 * challenge responses built from the server's challenge, a client challenge, a FILETIME timestamp
 * and the server's target information.
 */
public final class NtlmV2 {

    private NtlmV2() {
    }

    /** What a client puts into its AUTHENTICATE message, plus the key both ends derive from it. */
    public record Responses(byte[] ntChallengeResponse, byte[] lmChallengeResponse, byte[] sessionBaseKey) {
    }

    public static byte[] ntHash(String password) {
        return Md4.digest(password.getBytes(StandardCharsets.UTF_16LE));
    }

    /** NTOWFv2 (= LMOWFv2): the user name is upper-cased, the domain is not (MS-NLMP 3.3.2). */
    public static byte[] responseKey(String user, String domain, String password) {
        String identity = user.toUpperCase(Locale.ROOT) + (domain == null ? "" : domain);
        return hmacMd5(ntHash(password), identity.getBytes(StandardCharsets.UTF_16LE));
    }

    /**
     * @param timestamp the FILETIME (100 ns since 1601-01-01 UTC) the response is bound to: the
     *     server's MsvAvTimestamp when it sent one, else the client's clock
     * @param targetInfo the AV pairs the client echoes (the server's TargetInfo)
     * @param serverGaveTimestamp when true the LMv2 response is sent as 24 zero bytes, as
     *     MS-NLMP 3.1.5.1.2 requires once the server's timestamp is used
     */
    public static Responses compute(byte[] responseKey, byte[] serverChallenge, byte[] clientChallenge, long timestamp,
                             byte[] targetInfo, boolean serverGaveTimestamp) {
        ByteArrayOutputStream temp = new ByteArrayOutputStream();
        temp.writeBytes(new byte[] {1, 1, 0, 0, 0, 0, 0, 0}); // Responserversion, HiResponserversion, Z(6)
        temp.writeBytes(littleEndian(timestamp, 8));
        temp.writeBytes(clientChallenge);
        temp.writeBytes(new byte[4]);
        temp.writeBytes(targetInfo);
        temp.writeBytes(new byte[4]);
        byte[] tempBytes = temp.toByteArray();

        byte[] ntProof = hmacMd5(responseKey, concat(serverChallenge, tempBytes));
        byte[] lm = serverGaveTimestamp ? new byte[24]
                : concat(hmacMd5(responseKey, concat(serverChallenge, clientChallenge)), clientChallenge);
        return new Responses(concat(ntProof, tempBytes), lm, hmacMd5(responseKey, ntProof));
    }

    public static byte[] hmacMd5(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacMD5");
            mac.init(new SecretKeySpec(key, "HmacMD5"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacMD5 is missing from this JDK", e);
        }
    }

    public static byte[] concat(byte[] first, byte[] second) {
        byte[] out = new byte[first.length + second.length];
        System.arraycopy(first, 0, out, 0, first.length);
        System.arraycopy(second, 0, out, first.length, second.length);
        return out;
    }

    public static byte[] littleEndian(long value, int bytes) {
        byte[] out = new byte[bytes];
        for (int i = 0; i < bytes; i++) {
            out[i] = (byte) (value >>> (8 * i));
        }
        return out;
    }
}
