package io.tollgate.engine.acl;

import java.util.List;

/**
 * Cookie fetches: {@code req.cook(<name>)} (also {@code cook}), {@code req.cook_cnt},
 * {@code req.cook_val}, and the response's {@code res.cook} (also {@code scook}) read from
 * {@code Set-Cookie}. Cookie names are case-sensitive; values are offered as sent.
 */
final class CookieFetches {
    private CookieFetches() {
    }

    static Fetch request(String keyword, String[] args) throws AclException {
        String name = name(keyword, args);
        return (r, t) -> scan(r.headers("cookie"), name, t, false);
    }

    static Fetch response(String keyword, String[] args) throws AclException {
        String name = name(keyword, args);
        return (r, t) -> scan(r.responseHeaders("set-cookie"), name, t, true);
    }

    static Fetch count(String keyword, String[] args) throws AclException {
        String name = name(keyword, args);
        return (r, t) -> {
            int[] n = {0};
            scan(r.headers("cookie"), name, new Counter(n), false);
            return t.integer(n[0]);
        };
    }

    static Fetch value(String keyword, String[] args) throws AclException {
        return new AdaptedFetch(request(keyword, args), SampleConversions::toInteger);
    }

    private static String name(String keyword, String[] args) throws AclException {
        if (args.length > 1) {
            throw new AclException("fetch method '" + keyword + "' expects at most one cookie name.");
        }
        return args.length == 0 ? "" : args[0];
    }

    /**
     * Offers each value of cookie {@code name} (any cookie when empty) to the test until one
     * matches. A {@code Set-Cookie} line carries one cookie, then attributes.
     */
    static boolean scan(List<String> lines, String name, PatternTest test, boolean setCookie) {
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int p = 0;
            while (p < line.length()) {
                while (p < line.length() && (line.charAt(p) == ' ' || line.charAt(p) == '\t' || line.charAt(p) == ';'
                        || line.charAt(p) == ',')) {
                    p++;
                }
                int end = line.indexOf(';', p);
                if (end < 0) {
                    end = line.length();
                }
                int eq = line.indexOf('=', p);
                if (eq > p && eq < end) {
                    int nameEnd = eq;
                    while (nameEnd > p && line.charAt(nameEnd - 1) == ' ') {
                        nameEnd--;
                    }
                    boolean named = name.isEmpty()
                            || (nameEnd - p == name.length() && line.regionMatches(p, name, 0, name.length()));
                    int from = eq + 1;
                    while (from < end && line.charAt(from) == ' ') {
                        from++;
                    }
                    int to = end;
                    while (to > from && line.charAt(to - 1) == ' ') {
                        to--;
                    }
                    if (named && test.string(line, from, to)) {
                        return true;
                    }
                }
                if (setCookie) {
                    break;
                }
                p = end + 1;
            }
        }
        return false;
    }

    /** Counts the samples instead of testing them. */
    private record Counter(int[] n) implements PatternTest {
        @Override
        public boolean string(String s, int from, int to) {
            n[0]++;
            return false;
        }

        @Override
        public boolean integer(long value) {
            n[0]++;
            return false;
        }

        @Override
        public boolean address(java.net.InetAddress address) {
            n[0]++;
            return false;
        }
    }
}
