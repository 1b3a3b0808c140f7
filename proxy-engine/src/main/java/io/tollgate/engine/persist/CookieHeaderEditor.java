package io.tollgate.engine.persist;

/**
 * Reads and edits one request {@code Cookie} header value the way HAProxy 2.6's
 * {@code http_manage_client_side_cookies()} does, byte for byte.
 *
 * <p>Why a port rather than a split-and-join: clients send every syntax ever specified
 * ({@code a=1; b=2}, {@code a=1, b=2}, {@code $Version=1; a="x; y"; $Path=/}, blanks around
 * {@code =}, bare words), and servers behind HAProxy see exactly what HAProxy leaves. So the
 * indices below follow HAProxy's pointers:
 * <pre>
 *      NAME1  =  VALUE 1  ; NAME2 = VALUE2
 * |    |    | |  |      | |
 * |    |    | |  |      | +--> next   (the delimiter after the value, or the end)
 * |    |    | |  |      +----> valEnd (after the last non-blank of the value)
 * |    |    | |  +-----------> valBeg
 * |    |    | +--------------> equal
 * |    |    +----------------> attEnd (after the last non-blank of the name)
 * |    +---------------------> attBeg
 * +--------------------------> prev   (start, or the delimiter before this cookie)
 * </pre>
 * What HAProxy does, hence what this does:
 * <ul>
 * <li>{@code ;} and {@code ,} both separate cookies; a double-quoted value may hold either.
 * <li>Blanks around {@code =} are removed from every cookie, ours or not ({@code a = 1} becomes
 *     {@code a=1}); {@code $} attributes and words without {@code =} are left alone.
 * <li>{@code insert indirect}: each occurrence of the name is cut out together with the
 *     {@code $} attributes after it; the delimiter that followed the cut block is kept and
 *     followed by one space ({@code a=1 ;SRV=x; b} becomes {@code a=1; b}); a cut at the end
 *     keeps what came before it, blanks included ({@code a=1 ;SRV=x} becomes {@code "a=1 "});
 *     a header left with only {@code $} attributes or nothing is removed.
 * <li>{@code prefix}: {@code NAME=srv~v} becomes {@code NAME=v}.
 * </ul>
 * Every edit only shortens the value, so a changed length means a changed header.
 */
final class CookieHeaderEditor {
    private final String name;
    private final boolean cutOurs;
    private final boolean prefix;
    private final StringBuilder buf;
    /** Where the block being cut begins, or -1. */
    private int delFrom = -1;

    private CookieHeaderEditor(CookieSettings settings, String value) {
        this.name = settings.name();
        this.cutOurs = settings.mode() == CookieMode.INSERT && settings.indirect();
        this.prefix = settings.mode() == CookieMode.PREFIX;
        this.buf = new StringBuilder(value);
    }

    /**
     * Whether {@code value} could concern HAProxy at all: it names the cookie somewhere or has
     * blanks around an {@code =}. Lets most headers through without a copy.
     */
    static boolean mayEdit(String value, String name) {
        if (value.contains(name)) {
            return true;
        }
        for (int i = value.indexOf('='); i >= 0; i = value.indexOf('=', i + 1)) {
            if ((i > 0 && isBlank(value.charAt(i - 1))) || (i + 1 < value.length() && isBlank(value.charAt(i + 1)))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Reads every cookie of {@code value} into {@code scan} and returns the value to forward:
     * {@code value} itself when unchanged, null when the header must go.
     */
    static String edit(CookieSettings settings, String value, RequestScan scan) {
        return new CookieHeaderEditor(settings, value).run(value, scan);
    }

    private String run(String original, RequestScan scan) {
        int hdrEnd = buf.length();
        boolean preserveHeader = false;
        boolean first = true;
        int next;
        for (int prev = 0; prev < hdrEnd; prev = next) {
            // Not "prev == 0": a cut at the start can bring a later delimiter to index 0.
            int attBeg = first ? 0 : prev + 1;
            first = false;
            while (attBeg < hdrEnd && isBlank(buf.charAt(attBeg))) {
                attBeg++;
            }
            int equal = attBeg;
            int attEnd = attBeg;
            while (equal < hdrEnd) {
                char c = buf.charAt(equal);
                if (c == '=' || c == ',' || c == ';') {
                    break;
                }
                equal++;
                if (!isBlank(c)) {
                    attEnd = equal;
                }
            }
            int valBeg;
            int valEnd;
            if (equal < hdrEnd && buf.charAt(equal) == '=') {
                valBeg = equal + 1;
                while (valBeg < hdrEnd && isBlank(buf.charAt(valBeg))) {
                    valBeg++;
                }
                next = valueEnd(buf, valBeg, hdrEnd);
                valEnd = next;
                while (valEnd > valBeg && isBlank(buf.charAt(valEnd - 1))) {
                    valEnd--;
                }
            } else {
                valBeg = equal;
                valEnd = equal;
                next = equal;
            }

            // $Version, $Path, $Domain belong to the cookie before them and go with it.
            if (attBeg < hdrEnd && buf.charAt(attBeg) == '$') {
                continue;
            }
            if (equal == next) {
                // A word without '=' is kept: it ends any block being cut.
                preserveHeader = true;
                if (delFrom >= 0) {
                    int delta = cut(prev, hdrEnd);
                    next += delta;
                    hdrEnd += delta;
                }
                continue;
            }

            if (attEnd != equal || valBeg > equal + 1) {
                int stripped = (equal - attEnd) + (valBeg - equal - 1);
                buf.delete(equal + 1, valBeg);
                buf.delete(attEnd, equal);
                equal = attEnd;
                valBeg = equal + 1;
                valEnd -= stripped;
                next -= stripped;
                hdrEnd -= stripped;
            }

            if (attEnd - attBeg == name.length() && regionEquals(attBeg, name)) {
                int delim = scan.examine(buf, valBeg, valEnd);
                if (prefix && delim != valEnd) {
                    int delta = valBeg - (delim + 1);
                    buf.delete(valBeg, delim + 1);
                    next += delta;
                    hdrEnd += delta;
                    delFrom = -1;
                    preserveHeader = true;
                } else if (delFrom < 0 && cutOurs) {
                    delFrom = prev;
                }
            } else {
                preserveHeader = true;
                if (delFrom >= 0) {
                    int delta = cut(prev, hdrEnd);
                    next += delta;
                    hdrEnd += delta;
                }
            }
        }
        if (delFrom >= 0) {
            hdrEnd = preserveHeader ? delFrom : 0;
        }
        if (hdrEnd == original.length()) {
            return original;
        }
        return hdrEnd == 0 ? null : buf.substring(0, hdrEnd);
    }

    /**
     * Removes {@code [delFrom, next)} where {@code next} is the delimiter after the block
     * (HAProxy's {@code http_del_hdr_value()}): at the start of the header the delimiter and
     * the blanks after it go too; elsewhere blanks before the block go, the delimiter stays,
     * followed by one space if the block was long enough to make room for it. Returns the
     * (negative) change in length.
     */
    private int cut(int next, int end) {
        int from = delFrom;
        if (from == 0) {
            if (next < end) {
                next++;
            }
            while (next < end && isBlank(buf.charAt(next))) {
                next++;
            }
        } else {
            while (from > 0 && isBlank(buf.charAt(from - 1))) {
                from--;
            }
            if (next < end) {
                buf.setCharAt(from++, buf.charAt(next++));
                if (from + 1 < next) {
                    buf.setCharAt(from++, ' ');
                }
                while (next < end && isBlank(buf.charAt(next))) {
                    next++;
                }
            }
        }
        buf.delete(from, next);
        delFrom = -1;
        return from - next;
    }

    /**
     * The end of a value that starts at {@code from}: the first {@code ;} or {@code ,} outside
     * double quotes (a backslash escapes the next character inside them), or {@code end}.
     */
    static int valueEnd(CharSequence s, int from, int end) {
        boolean quoted = false;
        boolean escaped = false;
        for (int i = from; i < end; i++) {
            char c = s.charAt(i);
            if (escaped) {
                escaped = false;
            } else if (quoted) {
                if (c == '\\') {
                    escaped = true;
                } else if (c == '"') {
                    quoted = false;
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',' || c == ';') {
                return i;
            }
        }
        return end;
    }

    private boolean regionEquals(int at, String s) {
        for (int i = 0; i < s.length(); i++) {
            if (buf.charAt(at + i) != s.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    static boolean isBlank(char c) {
        return c == ' ' || c == '\t';
    }
}
