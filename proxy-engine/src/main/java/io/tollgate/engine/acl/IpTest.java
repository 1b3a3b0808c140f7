package io.tollgate.engine.acl;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

import io.netty.util.NetUtil;

/**
 * The ip match method: addresses and networks ({@code a.b.c.d/len}, {@code a.b.c.d/mask},
 * {@code v6/len}). As HAProxy's pat_match_ip() does, an IPv6 sample that embeds an IPv4 address
 * (::ffff:a.b.c.d, ::a.b.c.d, 2002:a.b.c.d::) also tries the IPv4 networks, and an IPv4 sample
 * tries the IPv6 networks as ::ffff:a.b.c.d. Only literal addresses: no DNS at load time.
 */
final class IpTest implements PatternTest {
    private final int[] v4Networks;
    private final int[] v4Masks;
    private final byte[][] v6Networks;
    private final int[] v6Prefixes;

    private IpTest(int[] v4Networks, int[] v4Masks, byte[][] v6Networks, int[] v6Prefixes) {
        this.v4Networks = v4Networks;
        this.v4Masks = v4Masks;
        this.v6Networks = v6Networks;
        this.v6Prefixes = v6Prefixes;
    }

    static IpTest parse(List<String> patterns) throws AclException {
        int[] v4 = new int[patterns.size()];
        int[] masks = new int[patterns.size()];
        byte[][] v6 = new byte[patterns.size()][];
        int[] prefixes = new int[patterns.size()];
        int n4 = 0;
        int n6 = 0;
        for (String p : patterns) {
            String error = "'" + p + "' is not a valid IPv4 or IPv6 address.";
            int slash = p.indexOf('/');
            byte[] address = NetUtil.createByteArrayFromIpAddressString(slash < 0 ? p : p.substring(0, slash));
            if (address == null) {
                throw new AclException(error);
            }
            String bits = slash < 0 ? null : p.substring(slash + 1);
            if (address.length == 4) {
                int mask = bits == null ? -1 : bits.indexOf('.') >= 0 ? dottedMask(bits, error) : prefixMask(bits, 32, error);
                masks[n4] = mask;
                v4[n4++] = toInt(address, 0) & mask;
            } else {
                int prefix = bits == null ? 128 : prefixLength(bits, 128, error);
                prefixes[n6] = prefix;
                v6[n6++] = address;
            }
        }
        return new IpTest(java.util.Arrays.copyOf(v4, n4), java.util.Arrays.copyOf(masks, n4),
                java.util.Arrays.copyOf(v6, n6), java.util.Arrays.copyOf(prefixes, n6));
    }

    @Override
    public boolean address(InetAddress address) {
        if (address instanceof Inet4Address) {
            // Inet4Address.hashCode() is the address itself: no byte[] copy per request.
            int v4 = address.hashCode();
            return matchesV4(v4) || (v6Networks.length > 0 && matchesV6(mapped(v4)));
        }
        byte[] v6 = address.getAddress();
        return matchesV6(v6) || (v4Networks.length > 0 && embedsV4(v6) && matchesV4(embeddedV4(v6)));
    }

    /** Text samples (hdr_ip, -m ip) are parsed; "a.b.c.d:port" keeps its address as hdr_ip does. */
    @Override
    public boolean string(String s, int from, int to) {
        InetAddress parsed = parse(s, from, to);
        return parsed != null && address(parsed);
    }

    @Override
    public boolean integer(long value) {
        return false;
    }

    static InetAddress parse(String s, int from, int to) {
        String text = s.substring(from, to);
        byte[] bytes = NetUtil.createByteArrayFromIpAddressString(text);
        int colon = text.indexOf(':');
        if (bytes == null && colon > 0 && text.indexOf(':', colon + 1) < 0) {
            bytes = NetUtil.createByteArrayFromIpAddressString(text.substring(0, colon));
        }
        try {
            return bytes == null ? null : InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            return null;
        }
    }

    private boolean matchesV4(int address) {
        for (int i = 0; i < v4Networks.length; i++) {
            if ((address & v4Masks[i]) == v4Networks[i]) {
                return true;
            }
        }
        return false;
    }

    private boolean matchesV6(byte[] address) {
        for (int i = 0; i < v6Networks.length; i++) {
            if (samePrefix(address, v6Networks[i], v6Prefixes[i])) {
                return true;
            }
        }
        return false;
    }

    private static boolean samePrefix(byte[] a, byte[] b, int bits) {
        int whole = bits / 8;
        for (int i = 0; i < whole; i++) {
            if (a[i] != b[i]) {
                return false;
            }
        }
        int rest = bits % 8;
        int mask = (0xff << (8 - rest)) & 0xff;
        return rest == 0 || (a[whole] & mask) == (b[whole] & mask);
    }

    private static boolean embedsV4(byte[] v6) {
        if (v6[0] == 0x20 && v6[1] == 0x02) {
            return true;
        }
        for (int i = 0; i < 10; i++) {
            if (v6[i] != 0) {
                return false;
            }
        }
        return (v6[10] == 0 && v6[11] == 0) || (v6[10] == (byte) 0xff && v6[11] == (byte) 0xff);
    }

    private static int embeddedV4(byte[] v6) {
        return v6[0] == 0x20 && v6[1] == 0x02 ? toInt(v6, 2) : toInt(v6, 12);
    }

    private static byte[] mapped(int v4) {
        byte[] v6 = new byte[16];
        v6[10] = (byte) 0xff;
        v6[11] = (byte) 0xff;
        v6[12] = (byte) (v4 >>> 24);
        v6[13] = (byte) (v4 >>> 16);
        v6[14] = (byte) (v4 >>> 8);
        v6[15] = (byte) v4;
        return v6;
    }

    private static int toInt(byte[] b, int at) {
        return (b[at] & 0xff) << 24 | (b[at + 1] & 0xff) << 16 | (b[at + 2] & 0xff) << 8 | (b[at + 3] & 0xff);
    }

    private static int prefixMask(String bits, int max, String error) throws AclException {
        int len = prefixLength(bits, max, error);
        return len == 0 ? 0 : -1 << (32 - len);
    }

    private static int prefixLength(String bits, int max, String error) throws AclException {
        try {
            int len = Integer.parseInt(bits);
            if (len >= 0 && len <= max) {
                return len;
            }
        } catch (NumberFormatException e) {
            // fall through to HAProxy's message
        }
        throw new AclException(error);
    }

    private static int dottedMask(String bits, String error) throws AclException {
        byte[] mask = NetUtil.createByteArrayFromIpAddressString(bits);
        if (mask == null || mask.length != 4) {
            throw new AclException(error);
        }
        return toInt(mask, 0);
    }
}
