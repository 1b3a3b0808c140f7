package io.tollgate.engine.log;

import java.nio.charset.StandardCharsets;

/**
 * {@code %[fetch]} or {@code %[fetch,hex]} where the fetch is a {@link ConnectionFetch}. Only
 * {@code hex} may follow, because it is the one converter the built-in formats use and it has to
 * know the sample's type: an integer becomes its 8 big-endian bytes in hex, as HAProxy casts
 * integers to binary, a string its bytes.
 */
record ConnectionSample(ConnectionFetch fetch, boolean hex) {
    private static final char[] DIGITS = "0123456789ABCDEF".toCharArray();

    /**
     * The sample {@code expression} names, or null when its fetch is not a connection fetch.
     *
     * @throws LogFormatException for arguments or a converter Tollgate does not apply here (the reason only)
     */
    static ConnectionSample compile(String expression) throws LogFormatException {
        String[] parts = expression.split(",", -1);
        String head = parts[0].strip();
        int paren = head.indexOf('(');
        ConnectionFetch fetch = ConnectionFetch.named(paren < 0 ? head : head.substring(0, paren));
        if (fetch == null) {
            return null;
        }
        if (paren >= 0) {
            throw new LogFormatException("fetch method '"
                    + fetch.keyword + "' : no argument supported, but got '" + head.substring(paren + 1).replace(")", "") + "'");
        }
        boolean hex = false;
        for (int i = 1; i < parts.length; i++) {
            if (!parts[i].strip().equals("hex") || hex) {
                throw new LogFormatException("converter '"
                        + parts[i].strip() + "' after '" + fetch.keyword + "' is not supported by Tollgate (only 'hex' is)");
            }
            hex = true;
        }
        return new ConnectionSample(fetch, hex);
    }

    /** The text of the sample for {@code e}, or null when there is none. */
    String value(LogEvent e) {
        Object v = fetch.value(e);
        if (v == null || !hex) {
            return v == null ? null : v.toString();
        }
        StringBuilder sb = new StringBuilder(16);
        if (v instanceof Long n) {
            for (int shift = 60; shift >= 0; shift -= 4) {
                sb.append(DIGITS[(int) (n >>> shift) & 0xF]);
            }
        } else {
            for (byte b : v.toString().getBytes(StandardCharsets.UTF_8)) {
                sb.append(DIGITS[(b >> 4) & 0xF]).append(DIGITS[b & 0xF]);
            }
        }
        return sb.toString();
    }
}
