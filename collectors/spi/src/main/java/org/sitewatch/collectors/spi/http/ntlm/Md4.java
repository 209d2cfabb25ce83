package org.sitewatch.collectors.spi.http.ntlm;

/**
 * The MD4 message digest (RFC 1320), needed only for the NT hash of a password (NTLM). The JDK
 * ships no MD4 provider, and the hash is computed over a short password, so this one-shot form is
 * all NTLM needs. Not for any other use: MD4 is broken as a general-purpose hash.
 */
final class Md4 {

    private Md4() {
    }

    static byte[] digest(byte[] message) {
        long bitLength = (long) message.length * 8;
        int paddedLength = ((message.length + 8) / 64 + 1) * 64;
        byte[] padded = new byte[paddedLength];
        System.arraycopy(message, 0, padded, 0, message.length);
        padded[message.length] = (byte) 0x80;
        for (int i = 0; i < 8; i++) {
            padded[paddedLength - 8 + i] = (byte) (bitLength >>> (8 * i));
        }
        int a = 0x67452301;
        int b = 0xefcdab89;
        int c = 0x98badcfe;
        int d = 0x10325476;
        int[] x = new int[16];
        for (int block = 0; block < paddedLength; block += 64) {
            for (int i = 0; i < 16; i++) {
                x[i] = littleEndianInt(padded, block + 4 * i);
            }
            int aa = a;
            int bb = b;
            int cc = c;
            int dd = d;
            // Round 1: F(x,y,z) = (x & y) | (~x & z), no constant.
            for (int i = 0; i < 16; i += 4) {
                a = Integer.rotateLeft(a + ((b & c) | (~b & d)) + x[i], 3);
                d = Integer.rotateLeft(d + ((a & b) | (~a & c)) + x[i + 1], 7);
                c = Integer.rotateLeft(c + ((d & a) | (~d & b)) + x[i + 2], 11);
                b = Integer.rotateLeft(b + ((c & d) | (~c & a)) + x[i + 3], 19);
            }
            // Round 2: G(x,y,z) = majority, constant 0x5A827999, words taken by column.
            for (int i = 0; i < 4; i++) {
                a = Integer.rotateLeft(a + majority(b, c, d) + x[i] + 0x5a827999, 3);
                d = Integer.rotateLeft(d + majority(a, b, c) + x[i + 4] + 0x5a827999, 5);
                c = Integer.rotateLeft(c + majority(d, a, b) + x[i + 8] + 0x5a827999, 9);
                b = Integer.rotateLeft(b + majority(c, d, a) + x[i + 12] + 0x5a827999, 13);
            }
            // Round 3: H(x,y,z) = x ^ y ^ z, constant 0x6ED9EBA1, words in bit-reversed order.
            int[] order = {0, 2, 1, 3};
            for (int i : order) {
                a = Integer.rotateLeft(a + (b ^ c ^ d) + x[i] + 0x6ed9eba1, 3);
                d = Integer.rotateLeft(d + (a ^ b ^ c) + x[i + 8] + 0x6ed9eba1, 9);
                c = Integer.rotateLeft(c + (d ^ a ^ b) + x[i + 4] + 0x6ed9eba1, 11);
                b = Integer.rotateLeft(b + (c ^ d ^ a) + x[i + 12] + 0x6ed9eba1, 15);
            }
            a += aa;
            b += bb;
            c += cc;
            d += dd;
        }
        byte[] out = new byte[16];
        int[] state = {a, b, c, d};
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) {
                out[4 * i + j] = (byte) (state[i] >>> (8 * j));
            }
        }
        return out;
    }

    private static int majority(int x, int y, int z) {
        return (x & y) | (x & z) | (y & z);
    }

    private static int littleEndianInt(byte[] bytes, int offset) {
        return (bytes[offset] & 0xff) | (bytes[offset + 1] & 0xff) << 8 | (bytes[offset + 2] & 0xff) << 16
                | (bytes[offset + 3] & 0xff) << 24;
    }
}
