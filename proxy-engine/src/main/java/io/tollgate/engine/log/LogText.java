package io.tollgate.engine.log;

/**
 * How HAProxy writes values into a log line: strings maybe quoted, {@code -} for nothing;
 * request lines and captured headers with control characters, {@code "#{|}} and bytes above 126
 * written as {@code #XX}; addresses and numbers in hexadecimal under {@code +X}.
 */
final class LogText {
    static final int QUOTE = 1;
    static final int HEX = 2;
    static final int ESCAPE = 4;
    private static final char[] HEX_DIGITS = "0123456789ABCDEF".toCharArray();

    private LogText() {
    }

    /** A string value: {@code -} when null or empty, unless quoted ({@code ""}). */
    static void text(StringBuilder sb, CharSequence s, int flags) {
        boolean quote = (flags & QUOTE) != 0;
        if (quote) {
            sb.append('"');
        }
        if (s != null && s.length() > 0) {
            if ((flags & ESCAPE) != 0) {
                escaped(sb, s);
            } else {
                sb.append(s);
            }
        } else if (!quote) {
            sb.append('-');
        }
        if (quote) {
            sb.append('"');
        }
    }

    /** {@code +E}: {@code "}, {@code \} and {@code ]} preceded by a backslash (RFC 5424 structured data). */
    private static void escaped(StringBuilder sb, CharSequence s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\' || c == ']') {
                sb.append('\\');
            }
            sb.append(c);
        }
    }

    /** Appends {@code s} with HAProxy's url/header encode map applied ({@code #XX}). */
    static void encoded(StringBuilder sb, CharSequence s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 32 || c > 126 || c == '"' || c == '#' || c == '{' || c == '|' || c == '}') {
                int b = c & 0xFF;
                sb.append('#').append(HEX_DIGITS[b >> 4]).append(HEX_DIGITS[b & 15]);
            } else {
                sb.append(c);
            }
        }
    }

    /** A number; under {@code +X} as HAProxy's {@code %04X}. */
    static void number(StringBuilder sb, long n, int flags) {
        if ((flags & HEX) != 0) {
            hex(sb, n, 4);
        } else {
            sb.append(n);
        }
    }

    static void hex(StringBuilder sb, long n, int minDigits) {
        int digits = Math.max(minDigits, (64 - Long.numberOfLeadingZeros(n) + 3) / 4);
        for (int i = digits - 1; i >= 0; i--) {
            sb.append(HEX_DIGITS[(int) (n >>> (4 * i)) & 15]);
        }
    }

    /** An IP address as text, or under {@code +X} its bytes as {@code %02X} each; {@code -} when unknown. */
    static void address(StringBuilder sb, java.net.InetSocketAddress a, int flags) {
        if (a == null || a.getAddress() == null) {
            sb.append('-');
            return;
        }
        if ((flags & HEX) != 0) {
            for (byte b : a.getAddress().getAddress()) {
                sb.append(HEX_DIGITS[(b >> 4) & 15]).append(HEX_DIGITS[b & 15]);
            }
            return;
        }
        sb.append(a.getAddress().getHostAddress());
    }

    static void port(StringBuilder sb, java.net.InetSocketAddress a, int flags) {
        if (a == null) {
            sb.append('-');
            return;
        }
        number(sb, a.getPort(), flags);
    }
}
