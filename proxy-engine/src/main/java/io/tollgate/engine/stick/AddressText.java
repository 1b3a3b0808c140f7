package io.tollgate.engine.stick;

import java.util.Arrays;

/**
 * Address text as HAProxy's C reads and prints it, which Java's {@code InetAddress} does not
 * match: {@code buf2ip} (an IPv4 address followed by anything that is neither a digit nor a
 * dot is still an address), glibc's strict {@code inet_pton(AF_INET6)} (no brackets, no scope,
 * no plain IPv4), and {@code inet_ntop} (compressed, with a dotted tail for mapped addresses).
 */
public final class AddressText {
    /** INET6_ADDRSTRLEN without its NUL: HAProxy's {@code buf2ip6} refuses longer text. */
    private static final int MAX_IPV6_TEXT = 45;

    private AddressText() {
    }

    /** {@code buf2ip}: the 4 bytes of a dotted quad, or null. Stops at the first foreign character. */
    static byte[] ipv4(String text) {
        byte[] out = new byte[4];
        int octets = 0;
        int value = 0;
        boolean sawDigit = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                value = value * 10 + (c - '0');
                if (value > 255) {
                    return null;
                }
                if (!sawDigit) {
                    if (++octets > 4) {
                        return null;
                    }
                    sawDigit = true;
                }
                out[octets - 1] = (byte) value;
            } else if (c == '.' && sawDigit) {
                if (octets == 4) {
                    return null;
                }
                value = 0;
                sawDigit = false;
            } else if (c == '.') {
                return null;
            } else {
                break;
            }
        }
        return octets == 4 && sawDigit ? out : null;
    }

    /** glibc's {@code inet_pton(AF_INET6)}: the 16 bytes, or null. */
    public static byte[] ipv6(String text) {
        if (text.length() > MAX_IPV6_TEXT) {
            return null;
        }
        byte[] out = new byte[16];
        int at = 0;
        int filled = 0;
        int gap = -1;
        if (text.startsWith(":")) {
            if (!text.startsWith("::")) {
                return null;
            }
            at = 1;
        }
        int tokenStart = at;
        int value = 0;
        int digits = 0;
        while (at < text.length()) {
            char c = text.charAt(at++);
            int digit = Character.digit(c, 16);
            if (digit >= 0 && c < 128) {
                if (++digits > 4) {
                    return null;
                }
                value = (value << 4) | digit;
                continue;
            }
            if (c == ':') {
                tokenStart = at;
                if (digits == 0) {
                    if (gap >= 0) {
                        return null;
                    }
                    gap = filled;
                    continue;
                }
                if (at == text.length() || filled + 2 > 16) {
                    return null;
                }
                out[filled++] = (byte) (value >> 8);
                out[filled++] = (byte) value;
                value = 0;
                digits = 0;
                continue;
            }
            if (c == '.' && filled + 4 <= 16) {
                byte[] tail = strictIpv4(text.substring(tokenStart));
                if (tail == null) {
                    return null;
                }
                System.arraycopy(tail, 0, out, filled, 4);
                filled += 4;
                digits = 0;
                at = text.length();
                break;
            }
            return null;
        }
        if (digits > 0) {
            if (filled + 2 > 16) {
                return null;
            }
            out[filled++] = (byte) (value >> 8);
            out[filled++] = (byte) value;
        }
        if (gap >= 0) {
            if (filled == 16) {
                return null;
            }
            int moved = filled - gap;
            System.arraycopy(out, gap, out, 16 - moved, moved);
            Arrays.fill(out, gap, 16 - moved, (byte) 0);
            filled = 16;
        }
        return filled == 16 ? out : null;
    }

    /** glibc's {@code inet_pton(AF_INET)}: the 4 bytes of exactly a dotted quad, or null. */
    public static byte[] ipv4Strict(String text) {
        return strictIpv4(text);
    }

    /** glibc's {@code inet_pton4}: exactly a dotted quad, no leading zeros, nothing after. */
    static byte[] strictIpv4(String text) {
        byte[] out = new byte[4];
        int octets = 0;
        int value = 0;
        boolean sawDigit = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                if (sawDigit && value == 0) {
                    return null;
                }
                value = value * 10 + (c - '0');
                if (value > 255) {
                    return null;
                }
                if (!sawDigit) {
                    if (++octets > 4) {
                        return null;
                    }
                    sawDigit = true;
                }
                out[octets - 1] = (byte) value;
            } else if (c == '.' && sawDigit) {
                if (octets == 4) {
                    return null;
                }
                value = 0;
                sawDigit = false;
            } else {
                return null;
            }
        }
        return octets == 4 && sawDigit ? out : null;
    }

    /** {@code inet_ntop}: dotted for 4 bytes; for 16, glibc's compressed form. */
    public static String format(byte[] address) {
        if (address.length == 4) {
            return dotted(address, 0);
        }
        int[] words = new int[8];
        for (int i = 0; i < 8; i++) {
            words[i] = ((address[2 * i] & 0xFF) << 8) | (address[2 * i + 1] & 0xFF);
        }
        // The longest run of at least two zero words becomes "::" (the first one on a tie).
        int bestStart = -1;
        int bestLength = 0;
        for (int i = 0; i < 8; ) {
            if (words[i] != 0) {
                i++;
                continue;
            }
            int start = i;
            while (i < 8 && words[i] == 0) {
                i++;
            }
            if (i - start > bestLength) {
                bestStart = start;
                bestLength = i - start;
            }
        }
        if (bestLength < 2) {
            bestStart = -1;
        }
        StringBuilder out = new StringBuilder(39);
        for (int i = 0; i < 8; i++) {
            if (bestStart >= 0 && i >= bestStart && i < bestStart + bestLength) {
                if (i == bestStart) {
                    out.append(':');
                }
                continue;
            }
            if (i != 0) {
                out.append(':');
            }
            boolean embeddedIpv4 = i == 6 && bestStart == 0
                    && (bestLength == 6 || (bestLength == 5 && words[5] == 0xFFFF));
            if (embeddedIpv4) {
                out.append(dotted(address, 12));
                return out.toString();
            }
            out.append(Integer.toHexString(words[i]));
        }
        if (bestStart >= 0 && bestStart + bestLength == 8) {
            out.append(':');
        }
        return out.toString();
    }

    private static String dotted(byte[] bytes, int from) {
        return (bytes[from] & 0xFF) + "." + (bytes[from + 1] & 0xFF) + "." + (bytes[from + 2] & 0xFF) + "."
                + (bytes[from + 3] & 0xFF);
    }
}
