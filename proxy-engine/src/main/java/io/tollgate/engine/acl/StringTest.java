package io.tollgate.engine.acl;

import java.net.InetAddress;
import java.util.List;

/** The text match methods str, beg, end, sub, dir and dom over a list of literal patterns. */
final class StringTest implements PatternTest {
    private static final String DIR_DELIMITERS = "/?";
    private static final String DOM_DELIMITERS = "/?.:";

    private final MatchMethod method;
    private final String[] patterns;
    private final boolean ignoreCase;

    StringTest(MatchMethod method, List<String> patterns, boolean ignoreCase) {
        this.method = method;
        this.ignoreCase = ignoreCase;
        this.patterns = new String[patterns.size()];
        for (int i = 0; i < this.patterns.length; i++) {
            String p = patterns.get(i);
            // dir/dom ignore the pattern's own leading and trailing delimiters, as match_word() does.
            this.patterns[i] = method == MatchMethod.DIR ? strip(p, DIR_DELIMITERS)
                    : method == MatchMethod.DOM ? strip(p, DOM_DELIMITERS) : p;
        }
    }

    @Override
    public boolean string(String s, int from, int to) {
        for (String p : patterns) {
            if (matches(p, s, from, to)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public boolean integer(long value) {
        String text = Long.toString(value);
        return string(text, 0, text.length());
    }

    @Override
    public boolean address(InetAddress address) {
        String text = address.getHostAddress();
        return string(text, 0, text.length());
    }

    private boolean matches(String p, String s, int from, int to) {
        int len = to - from;
        int pl = p.length();
        return switch (method) {
            case STR -> len == pl && s.regionMatches(ignoreCase, from, p, 0, pl);
            case BEG -> len >= pl && s.regionMatches(ignoreCase, from, p, 0, pl);
            case END -> len >= pl && s.regionMatches(ignoreCase, to - pl, p, 0, pl);
            case SUB -> contains(p, s, from, to);
            case DIR -> word(p, s, from, to, DIR_DELIMITERS);
            case DOM -> word(p, s, from, to, DOM_DELIMITERS);
            default -> throw new IllegalStateException(method.name());
        };
    }

    private boolean contains(String p, String s, int from, int to) {
        for (int i = from; i <= to - p.length(); i++) {
            if (s.regionMatches(ignoreCase, i, p, 0, p.length())) {
                return true;
            }
        }
        return false;
    }

    /** HAProxy's match_word(): {@code p} must appear in the sample bounded by delimiters or the ends. */
    private boolean word(String p, String s, int from, int to, String delimiters) {
        int pl = p.length();
        if (pl == 0 || pl > to - from) {
            return false;
        }
        boolean mayMatch = true;
        for (int c = from; c <= to - pl; c++) {
            if (delimiters.indexOf(s.charAt(c)) >= 0) {
                mayMatch = true;
                continue;
            }
            if (mayMatch && s.regionMatches(ignoreCase, c, p, 0, pl)
                    && (c + pl == to || delimiters.indexOf(s.charAt(c + pl)) >= 0)) {
                return true;
            }
            mayMatch = false;
        }
        return false;
    }

    private static String strip(String p, String delimiters) {
        int start = 0;
        int end = p.length();
        while (start < end && delimiters.indexOf(p.charAt(start)) >= 0) {
            start++;
        }
        while (end > start && delimiters.indexOf(p.charAt(end - 1)) >= 0) {
            end--;
        }
        return p.substring(start, end);
    }
}
