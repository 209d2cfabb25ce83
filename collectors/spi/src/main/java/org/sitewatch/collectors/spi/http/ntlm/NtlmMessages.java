package org.sitewatch.collectors.spi.http.ntlm;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;

/**
 * The three NTLM messages (MS-NLMP 2.2.1): NEGOTIATE and AUTHENTICATE written, CHALLENGE read.
 * Unicode strings only; no MIC, no key exchange and no sealing: a login over HTTPS (WinRM, IIS)
 * needs none of them (WinRM's message encryption over plain HTTP is not implemented).
 *
 * <p>Shared by the vendors that log in with NTLMv2 (Hyper-V's WinRM, Citrix's on-premises Monitor
 * Service); the server side (a CHALLENGE, checking an AUTHENTICATE) lives in the SPI's test jar.
 */
public final class NtlmMessages {

    public static final byte[] SIGNATURE = "NTLMSSP\0".getBytes(StandardCharsets.US_ASCII);

    static final int NEGOTIATE_UNICODE = 0x00000001;
    static final int REQUEST_TARGET = 0x00000004;
    static final int NEGOTIATE_NTLM = 0x00000200;
    static final int NEGOTIATE_ALWAYS_SIGN = 0x00008000;
    static final int NEGOTIATE_EXTENDED_SESSION_SECURITY = 0x00080000;
    static final int NEGOTIATE_TARGET_INFO = 0x00800000;
    static final int NEGOTIATE_128 = 0x20000000;
    static final int NEGOTIATE_56 = 0x80000000;

    /** The flags this client asks for (NEGOTIATE) and accepts (AUTHENTICATE). */
    public static final int CLIENT_FLAGS = NEGOTIATE_UNICODE | REQUEST_TARGET | NEGOTIATE_NTLM | NEGOTIATE_ALWAYS_SIGN
            | NEGOTIATE_EXTENDED_SESSION_SECURITY | NEGOTIATE_TARGET_INFO | NEGOTIATE_128 | NEGOTIATE_56;

    static final int AV_EOL = 0;
    static final int AV_TIMESTAMP = 7;

    /** Seconds between 1601-01-01 (FILETIME's epoch) and 1970-01-01. */
    private static final long FILETIME_EPOCH_OFFSET_SECONDS = 11_644_473_600L;

    private NtlmMessages() {
    }

    /** The server's CHALLENGE: its nonce, the flags it accepted and its target information. */
    public record Challenge(int flags, byte[] serverChallenge, byte[] targetInfo) {

        /** The MsvAvTimestamp AV pair's FILETIME, or -1 when the server sent none. */
        long timestamp() {
            ByteBuffer pairs = ByteBuffer.wrap(targetInfo).order(ByteOrder.LITTLE_ENDIAN);
            while (pairs.remaining() >= 4) {
                int id = pairs.getShort() & 0xffff;
                int length = pairs.getShort() & 0xffff;
                if (id == AV_EOL || length > pairs.remaining()) {
                    break;
                }
                if (id == AV_TIMESTAMP && length == 8) {
                    return pairs.getLong();
                }
                pairs.position(pairs.position() + length);
            }
            return -1;
        }
    }

    public static byte[] negotiate() {
        ByteBuffer out = ByteBuffer.allocate(32).order(ByteOrder.LITTLE_ENDIAN);
        out.put(SIGNATURE).putInt(1).putInt(CLIENT_FLAGS);
        // DomainNameFields and WorkstationFields stay empty: the domain travels in AUTHENTICATE.
        return out.array();
    }

    /**
     * @throws IllegalArgumentException naming the problem when {@code message} is not a CHALLENGE
     */
    public static Challenge readChallenge(byte[] message) {
        if (message.length < 48 || !Arrays.equals(Arrays.copyOf(message, 8), SIGNATURE)) {
            throw new IllegalArgumentException("not an NTLM message (" + message.length + " bytes)");
        }
        ByteBuffer in = ByteBuffer.wrap(message).order(ByteOrder.LITTLE_ENDIAN);
        int type = in.getInt(8);
        if (type != 2) {
            throw new IllegalArgumentException("expected an NTLM CHALLENGE (type 2) but got type " + type);
        }
        int flags = in.getInt(20);
        byte[] serverChallenge = Arrays.copyOfRange(message, 24, 32);
        int infoLength = in.getShort(40) & 0xffff;
        int infoOffset = in.getInt(44);
        if (infoOffset < 0 || (long) infoOffset + infoLength > message.length) {
            throw new IllegalArgumentException("the CHALLENGE's target information lies outside the message");
        }
        if ((flags & NEGOTIATE_UNICODE) == 0) {
            throw new IllegalArgumentException("the server did not accept Unicode strings (OEM NTLM is not supported)");
        }
        return new Challenge(flags, serverChallenge, Arrays.copyOfRange(message, infoOffset, infoOffset + infoLength));
    }

    /**
     * The AUTHENTICATE message answering {@code challenge} with NTLMv2 responses.
     *
     * @param clientChallenge 8 random bytes
     * @param now the client's clock, used when the server sent no timestamp
     */
    public static byte[] authenticate(Challenge challenge, String domain, String user, String password, String workstation,
                               byte[] clientChallenge, Instant now) {
        long serverTime = challenge.timestamp();
        long timestamp = serverTime >= 0 ? serverTime : fileTime(now);
        NtlmV2.Responses responses = NtlmV2.compute(NtlmV2.responseKey(user, domain, password),
                challenge.serverChallenge(), clientChallenge, timestamp, challenge.targetInfo(), serverTime >= 0);
        byte[][] fields = {
            responses.lmChallengeResponse(),
            responses.ntChallengeResponse(),
            unicode(domain),
            unicode(user),
            unicode(workstation),
            new byte[0], // EncryptedRandomSessionKey: no key exchange
        };
        int headerLength = 64;
        ByteBuffer header = ByteBuffer.allocate(headerLength).order(ByteOrder.LITTLE_ENDIAN);
        header.put(SIGNATURE).putInt(3);
        ByteArrayOutputStream payload = new ByteArrayOutputStream();
        for (byte[] field : fields) {
            header.putShort((short) field.length).putShort((short) field.length).putInt(headerLength + payload.size());
            payload.writeBytes(field);
        }
        header.putInt(CLIENT_FLAGS & challenge.flags() | NEGOTIATE_UNICODE | NEGOTIATE_NTLM);
        return NtlmV2.concat(header.array(), payload.toByteArray());
    }

    /** An instant as a FILETIME: 100 ns units since 1601-01-01 UTC. */
    public static long fileTime(Instant instant) {
        return (instant.getEpochSecond() + FILETIME_EPOCH_OFFSET_SECONDS) * 10_000_000L + instant.getNano() / 100;
    }

    private static byte[] unicode(String text) {
        return text == null ? new byte[0] : text.getBytes(StandardCharsets.UTF_16LE);
    }
}
