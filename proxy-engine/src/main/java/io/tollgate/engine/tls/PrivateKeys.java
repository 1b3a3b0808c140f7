package io.tollgate.engine.tls;

import java.io.ByteArrayOutputStream;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Arrays;
import java.util.List;

/**
 * Private keys in the three PEM forms OpenSSL writes and HAProxy reads: PKCS#8
 * ({@code PRIVATE KEY}), PKCS#1 ({@code RSA PRIVATE KEY}) and SEC1 ({@code EC PRIVATE KEY}).
 * The JDK reads only PKCS#8, so the other two are wrapped into a PKCS#8 structure first, which
 * takes a few bytes of DER and no extra library.
 */
final class PrivateKeys {
    /** rsaEncryption, 1.2.840.113549.1.1.1 */
    private static final byte[] RSA_OID = {0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x0d, 0x01, 0x01, 0x01};
    /** id-ecPublicKey, 1.2.840.10045.2.1 */
    private static final byte[] EC_OID = {0x06, 0x07, 0x2a, (byte) 0x86, 0x48, (byte) 0xce, 0x3d, 0x02, 0x01};
    private static final byte[] DER_NULL = {0x05, 0x00};
    private static final List<String> ALGORITHMS = List.of("RSA", "EC", "Ed25519", "Ed448", "RSASSA-PSS", "DSA");

    private PrivateKeys() {
    }

    static boolean isKey(String label) {
        return label.equals("PRIVATE KEY") || label.equals("RSA PRIVATE KEY") || label.equals("EC PRIVATE KEY")
                || label.equals("ENCRYPTED PRIVATE KEY") || label.equals("DSA PRIVATE KEY");
    }

    /**
     * @throws GeneralSecurityException when the key cannot be read; its message says why
     */
    static PrivateKey decode(PemBlocks.Block block) throws GeneralSecurityException {
        if (block.encrypted() || block.label().equals("ENCRYPTED PRIVATE KEY")) {
            throw new GeneralSecurityException("the key is encrypted (Tollgate does not ask for pass phrases)");
        }
        return switch (block.label()) {
            case "PRIVATE KEY" -> pkcs8(block.der());
            case "RSA PRIVATE KEY" -> pkcs8(wrap(sequence(DER_NULL.length + RSA_OID.length, RSA_OID, DER_NULL), block.der()));
            case "EC PRIVATE KEY" -> {
                byte[] curve = ecCurve(block.der());
                yield pkcs8(wrap(sequence(EC_OID.length + curve.length, EC_OID, curve), block.der()));
            }
            default -> throw new GeneralSecurityException("'" + block.label() + "' keys are not supported");
        };
    }

    private static PrivateKey pkcs8(byte[] der) throws GeneralSecurityException {
        PKCS8EncodedKeySpec spec = new PKCS8EncodedKeySpec(der);
        GeneralSecurityException last = null;
        for (String algorithm : ALGORITHMS) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(spec);
            } catch (GeneralSecurityException e) {
                last = e;
            }
        }
        throw last;
    }

    /** PrivateKeyInfo ::= SEQUENCE { version 0, AlgorithmIdentifier, OCTET STRING key }. */
    private static byte[] wrap(byte[] algorithm, byte[] key) {
        byte[] version = {0x02, 0x01, 0x00};
        byte[] octets = tlv(0x04, key);
        return sequence(version.length + algorithm.length + octets.length, version, algorithm, octets);
    }

    /**
     * The named-curve OID of a SEC1 ECPrivateKey ::= SEQUENCE { version 1, OCTET STRING key,
     * [0] ECParameters OPTIONAL, [1] publicKey OPTIONAL }; OpenSSL always writes [0].
     */
    private static byte[] ecCurve(byte[] der) throws GeneralSecurityException {
        Der in = new Der(der);
        in.enter(0x30);
        in.skip(0x02);
        in.skip(0x04);
        if (in.peek() != 0xa0) {
            throw new GeneralSecurityException("the EC key does not name its curve");
        }
        in.enter(0xa0);
        return in.element(0x06);
    }

    private static byte[] sequence(int length, byte[]... parts) {
        ByteArrayOutputStream content = new ByteArrayOutputStream(length);
        for (byte[] p : parts) {
            content.writeBytes(p);
        }
        return tlv(0x30, content.toByteArray());
    }

    private static byte[] tlv(int tag, byte[] value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(value.length + 6);
        out.write(tag);
        int n = value.length;
        if (n < 0x80) {
            out.write(n);
        } else if (n < 0x100) {
            out.write(0x81);
            out.write(n);
        } else if (n < 0x10000) {
            out.write(0x82);
            out.write(n >> 8);
            out.write(n);
        } else {
            out.write(0x83);
            out.write(n >> 16);
            out.write(n >> 8);
            out.write(n);
        }
        out.writeBytes(value);
        return out.toByteArray();
    }

    /** Just enough of a DER reader to walk a SEC1 key. */
    private static final class Der {
        private final byte[] der;
        private int at;

        Der(byte[] der) {
            this.der = der;
        }

        int peek() throws GeneralSecurityException {
            if (at >= der.length) {
                throw new GeneralSecurityException("truncated key");
            }
            return der[at] & 0xff;
        }

        /** Steps into a constructed element (its content is read next). */
        void enter(int tag) throws GeneralSecurityException {
            header(tag);
        }

        void skip(int tag) throws GeneralSecurityException {
            int length = header(tag);
            at += length;
        }

        /** A whole element, header included. */
        byte[] element(int tag) throws GeneralSecurityException {
            int start = at;
            int length = header(tag);
            at += length;
            return Arrays.copyOfRange(der, start, at);
        }

        private int header(int tag) throws GeneralSecurityException {
            if (peek() != tag) {
                throw new GeneralSecurityException("unexpected DER tag " + peek());
            }
            at++;
            int first = peek();
            at++;
            int length = first;
            if (first >= 0x80) {
                length = 0;
                for (int i = 0; i < (first & 0x7f); i++) {
                    length = (length << 8) | peek();
                    at++;
                }
            }
            if (at + length > der.length) {
                throw new GeneralSecurityException("truncated key");
            }
            return length;
        }
    }
}
