package io.tollgate.engine.http;

/**
 * Where an HTTP/1 message head stops being valid, and in which of HAProxy's parser states
 * ({@code H1_MSG_*} of {@code include/haproxy/h1.h}): what {@code show errors} prints as
 * "error at position N" and "H1 msg state". Netty's decoder says that a head is invalid but not
 * where; this scan, run only on the error path, applies HAProxy's strict rules to say where: a
 * method and header names of token characters, a URI without controls, spaces or {@code #}, a
 * version of capital letters, digits, {@code /} and {@code .}, a three-digit status, and CRLF or LF line
 * ends (a tab ends the URI as a space does). A head with no invalid byte (too long, or cut short)
 * is reported at its end. HAProxy 2.6.12 lets bytes 0x7F and above through in a URI, so does this.
 */
public final class H1Syntax {
    public static final int RQBEFORE = 0;
    public static final int RQMETH = 2;
    public static final int RQMETH_SP = 3;
    public static final int RQURI = 4;
    public static final int RQURI_SP = 5;
    public static final int RQVER = 6;
    public static final int RQLINE_END = 7;
    public static final int RPBEFORE = 8;
    public static final int RPVER = 10;
    public static final int RPVER_SP = 11;
    public static final int RPCODE = 12;
    public static final int RPCODE_SP = 13;
    public static final int RPREASON = 14;
    public static final int RPLINE_END = 15;
    public static final int HDR_FIRST = 16;
    public static final int HDR_NAME = 17;
    public static final int HDR_L1_SP = 19;
    public static final int HDR_VAL = 22;
    public static final int HDR_L2_LF = 23;
    public static final int LAST_LF = 25;
    public static final int DONE = 30;

    private static final String[] NAMES = {"MSG_RQBEFORE", "MSG_RQBEFORE_CR", "MSG_RQMETH", "MSG_RQMETH_SP",
            "MSG_RQURI", "MSG_RQURI_SP", "MSG_RQVER", "MSG_RQLINE_END", "MSG_RPBEFORE", "MSG_RPBEFORE_CR",
            "MSG_RPVER", "MSG_RPVER_SP", "MSG_RPCODE", "MSG_RPCODE_SP", "MSG_RPREASON", "MSG_RPLINE_END",
            "MSG_HDR_FIRST", "MSG_HDR_NAME", "MSG_HDR_COL", "MSG_HDR_L1_SP", "MSG_HDR_L1_LF", "MSG_HDR_L1_LWS",
            "MSG_HDR_VAL", "MSG_HDR_L2_LF", "MSG_HDR_L2_LWS", "MSG_LAST_LF", "MSG_CHUNK_SIZE", "MSG_DATA",
            "MSG_CHUNK_CRLF", "MSG_TRAILERS", "MSG_DONE", "MSG_TUNNEL"};

    /**
     * Where the head went wrong, the parser state there, and HAProxy's message flags at that
     * point ({@code H1_MF_*}: {@code 0x1400} always, {@code RESP 0x04} for a response,
     * {@code VER_11 0x10} once an HTTP/1.1 or later version has been read).
     */
    public record Error(int position, int state, int flags) {
    }

    private static final int MF_BASE = 0x1400;
    private static final int MF_RESP = 0x04;
    private static final int MF_VER_11 = 0x10;

    private H1Syntax() {
    }

    /** HAProxy's name for a state, as {@code h1m_state_str} gives it. */
    public static String stateName(int state) {
        return state >= 0 && state < NAMES.length ? NAMES[state] : "MSG_??";
    }

    /** The first invalid byte of the head in {@code b[0..length)}, or its end when there is none. */
    public static Error locate(byte[] b, int length, boolean request) {
        int state = request ? RQBEFORE : RPBEFORE;
        int flags = MF_BASE | (request ? 0 : MF_RESP);
        int digits = 0;
        int versionAt = 0;
        for (int i = 0; i < length; i++) {
            int c = b[i] & 0xff;
            switch (state) {
                case RQBEFORE, RPBEFORE -> {
                    if (c == '\r' || c == '\n') {
                        continue;
                    }
                    state = request ? RQMETH : RPVER;
                    versionAt = i;
                    i--;
                }
                case RQMETH -> {
                    if (c == ' ') {
                        state = RQMETH_SP;
                    } else if (!isToken(c)) {
                        return new Error(i, state, flags);
                    }
                }
                case RQMETH_SP -> {
                    if (c != ' ') {
                        if (!isUri(c)) {
                            return new Error(i, state, flags);
                        }
                        state = RQURI;
                    }
                }
                case RQURI -> {
                    if (c == ' ' || c == '\t') {
                        state = RQURI_SP;
                    } else if (!isUri(c)) {
                        return new Error(i, state, flags);
                    }
                }
                case RQURI_SP -> {
                    if (c != ' ' && c != '\t') {
                        state = RQVER;
                        versionAt = i;
                        i--;
                    }
                }
                case RQVER, RPREASON -> {
                    if (state == RQVER && (c == '\r' || c == '\n') && isVersion11(b, versionAt, i)) {
                        flags |= MF_VER_11;
                    }
                    if (c == '\r') {
                        state = state == RQVER ? RQLINE_END : RPLINE_END;
                    } else if (c == '\n') {
                        state = HDR_FIRST;
                    } else if (state == RQVER ? !isVersion(c) : c < 0x20 && c != '\t') {
                        return new Error(i, state, flags);
                    }
                }
                case RQLINE_END, RPLINE_END, HDR_L2_LF -> {
                    if (c != '\n') {
                        return new Error(i, state, flags);
                    }
                    state = HDR_FIRST;
                }
                case RPVER -> {
                    if (c == ' ') {
                        if (isVersion11(b, versionAt, i)) {
                            flags |= MF_VER_11;
                        }
                        state = RPVER_SP;
                    } else if (!isVersion(c)) {
                        return new Error(i, state, flags);
                    }
                }
                case RPVER_SP -> {
                    if (c != ' ') {
                        if (!isDigit(c)) {
                            return new Error(i, state, flags);
                        }
                        state = RPCODE;
                        digits = 1;
                    }
                }
                case RPCODE -> {
                    if (isDigit(c) && digits < 3) {
                        digits++;
                    } else if (digits == 3 && c == ' ') {
                        state = RPCODE_SP;
                    } else if (digits == 3 && (c == '\r' || c == '\n')) {
                        state = c == '\r' ? RPLINE_END : HDR_FIRST;
                    } else {
                        return new Error(i, state, flags);
                    }
                }
                case RPCODE_SP -> {
                    if (c != ' ') {
                        state = RPREASON;
                        i--;
                    }
                }
                case HDR_FIRST -> {
                    if (c == '\r') {
                        state = LAST_LF;
                    } else if (c == '\n') {
                        return new Error(length, DONE, flags);
                    } else if (isToken(c)) {
                        state = HDR_NAME;
                    } else {
                        return new Error(i, state, flags);
                    }
                }
                case HDR_NAME -> {
                    if (c == ':') {
                        state = HDR_L1_SP;
                    } else if (!isToken(c)) {
                        return new Error(i, state, flags);
                    }
                }
                case HDR_L1_SP, HDR_VAL -> {
                    if (c == '\r') {
                        state = HDR_L2_LF;
                    } else if (c == '\n') {
                        state = HDR_FIRST;
                    } else if (c == 0) {
                        return new Error(i, state, flags);
                    } else if (c != ' ' && c != '\t') {
                        state = HDR_VAL;
                    }
                }
                case LAST_LF -> {
                    if (c != '\n') {
                        return new Error(i, state, flags);
                    }
                    return new Error(length, DONE, flags);
                }
                default -> {
                    return new Error(i, state, flags);
                }
            }
        }
        return new Error(length, state, flags);
    }

    /** {@code HTTP/x.y} with x.y at least 1.1, as HAProxy sets {@code H1_MF_VER_11}. */
    private static boolean isVersion11(byte[] b, int from, int to) {
        return to - from == 8 && (b[from + 5] > '1' || (b[from + 5] == '1' && b[from + 7] >= '1'));
    }

    /** RFC 7230 tchar. */
    private static boolean isToken(int c) {
        return c > 0x20 && c < 0x7f && "\"(),/:;<=>?@[\\]{}".indexOf(c) < 0;
    }

    private static boolean isUri(int c) {
        return c > 0x20 && c != '#';
    }

    private static boolean isVersion(int c) {
        return isDigit(c) || (c >= 'A' && c <= 'Z') || c == '/' || c == '.';
    }

    private static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }
}
