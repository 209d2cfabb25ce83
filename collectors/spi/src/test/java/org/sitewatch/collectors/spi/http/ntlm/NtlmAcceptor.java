package org.sitewatch.collectors.spi.http.ntlm;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The server side of an NTLMv2 login over HTTP, for fake vendor services in tests (a WinRM listener,
 * an IIS-hosted OData service): it authenticates a TCP connection, not a request, as Windows does.
 * A NEGOTIATE gets a CHALLENGE (with NbDomainName, NbComputerName and a timestamp); an AUTHENTICATE
 * is checked by recomputing the client's NTProofStr from the account's password with
 * {@link NtlmV2}, whose computations the MS-NLMP vectors pin ({@code NtlmV2Test}). Thread-safe.
 */
public final class NtlmAcceptor {

    /** What the service answers a request with. */
    public sealed interface Outcome {
    }

    /** The connection is logged in: serve the request. */
    public record Accepted() implements Outcome {
    }

    /** Answer 401 with this {@code WWW-Authenticate} value (a CHALLENGE, or the bare scheme). */
    public record Challenge(String wwwAuthenticate) implements Outcome {
    }

    /** Answer 401 without a challenge: the login failed. */
    public record Rejected() implements Outcome {
    }

    private final String scheme;
    private final String domain;
    private final String user;
    private final String password;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, byte[]> challengesByConnection = new HashMap<>();
    private final Set<String> authenticatedConnections = new HashSet<>();

    /** @param scheme the HTTP scheme the tokens travel under: {@code NTLM} (IIS) or {@code Negotiate} (WinRM) */
    public NtlmAcceptor(String scheme, String domain, String user, String password) {
        this.scheme = scheme;
        this.domain = domain;
        this.user = user;
        this.password = password;
    }

    /**
     * @param connection the client's connection, e.g. its remote address and port
     * @param authorization the request's {@code Authorization} header; null when it sent none
     */
    public synchronized Outcome accept(String connection, String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, scheme + " ", 0, scheme.length() + 1)) {
            return authenticatedConnections.contains(connection) && authorization == null ? new Accepted()
                    : new Challenge(scheme);
        }
        byte[] token = Base64.getDecoder().decode(authorization.substring(scheme.length() + 1).trim());
        int type = ByteBuffer.wrap(token).order(ByteOrder.LITTLE_ENDIAN).getInt(8);
        if (type == 1) {
            byte[] serverChallenge = new byte[8];
            random.nextBytes(serverChallenge);
            challengesByConnection.put(connection, serverChallenge);
            return new Challenge(scheme + " " + Base64.getEncoder().encodeToString(challenge(serverChallenge)));
        }
        byte[] serverChallenge = challengesByConnection.remove(connection);
        if (type != 3 || serverChallenge == null || !verify(token, serverChallenge)) {
            authenticatedConnections.remove(connection);
            return new Rejected();
        }
        authenticatedConnections.add(connection);
        return new Accepted();
    }

    /** A CHALLENGE with a target information of NbDomainName, NbComputerName, a timestamp and EOL. */
    private byte[] challenge(byte[] serverChallenge) {
        ByteBuffer info = ByteBuffer.allocate(256).order(ByteOrder.LITTLE_ENDIAN);
        avPair(info, 2, domain.getBytes(StandardCharsets.UTF_16LE));
        avPair(info, 1, "SERVER-1".getBytes(StandardCharsets.UTF_16LE));
        avPair(info, 7, NtlmV2.littleEndian(NtlmMessages.fileTime(Instant.now()), 8));
        info.putShort((short) 0).putShort((short) 0);
        byte[] targetInfo = Arrays.copyOf(info.array(), info.position());
        ByteBuffer message = ByteBuffer.allocate(48 + targetInfo.length).order(ByteOrder.LITTLE_ENDIAN);
        message.put(NtlmMessages.SIGNATURE).putInt(2);
        message.putShort((short) 0).putShort((short) 0).putInt(48); // TargetNameFields: empty
        message.putInt(NtlmMessages.CLIENT_FLAGS);
        message.put(serverChallenge).put(new byte[8]);
        message.putShort((short) targetInfo.length).putShort((short) targetInfo.length).putInt(48);
        message.put(targetInfo);
        return message.array();
    }

    private static void avPair(ByteBuffer info, int id, byte[] value) {
        info.putShort((short) id).putShort((short) value.length).put(value);
    }

    /** Recomputes the NTProofStr from the user's password and compares it with the client's. */
    private boolean verify(byte[] authenticate, byte[] serverChallenge) {
        byte[] nt = field(authenticate, 20);
        String clientDomain = new String(field(authenticate, 28), StandardCharsets.UTF_16LE);
        String clientUser = new String(field(authenticate, 36), StandardCharsets.UTF_16LE);
        if (nt.length <= 16 || !clientUser.equalsIgnoreCase(user) || !clientDomain.equalsIgnoreCase(domain)) {
            return false;
        }
        byte[] temp = Arrays.copyOfRange(nt, 16, nt.length);
        byte[] expected = NtlmV2.hmacMd5(NtlmV2.responseKey(clientUser, clientDomain, password),
                NtlmV2.concat(serverChallenge, temp));
        return Arrays.equals(expected, Arrays.copyOf(nt, 16));
    }

    private static byte[] field(byte[] message, int offset) {
        ByteBuffer in = ByteBuffer.wrap(message).order(ByteOrder.LITTLE_ENDIAN);
        int length = in.getShort(offset) & 0xffff;
        int start = in.getInt(offset + 4);
        return Arrays.copyOfRange(message, start, start + length);
    }
}
