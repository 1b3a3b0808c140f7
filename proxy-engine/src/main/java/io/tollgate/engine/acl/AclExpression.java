package io.tollgate.engine.acl;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Compiles one ACL expression, {@code criterion [flags] [operator] [patterns]}, into a
 * condition that fetches and tests. Error messages are HAProxy's, without the
 * "error detected while parsing ..." prefix that the caller adds.
 */
final class AclExpression {
    private AclExpression() {
    }

    static Condition compile(List<String> words, Path baseDir) throws AclException {
        return compile(words, baseDir, true);
    }

    /**
     * @param shared whether the patterns may be registered for the runtime API (see
     *               {@link PatternFiles#inline}); false for the predefined ACLs' templates
     */
    static Condition compile(List<String> words, Path baseDir, boolean shared) throws AclException {
        if (words.isEmpty() || words.get(0).isEmpty()) {
            throw new AclException("missing fetch method in ACL expression ''.");
        }
        String expression = words.get(0);
        List<String> parts = SampleExpression.splitTopLevel(expression);
        Converter[] converters = new Converter[parts.size() - 1];
        for (int c = 1; c < parts.size(); c++) {
            converters[c - 1] = Converters.compile(parts.get(c).strip(), expression);
        }
        String fetchWord = parts.get(0);
        int paren = fetchWord.indexOf('(');
        String keyword = paren < 0 ? fetchWord : fetchWord.substring(0, paren);
        Criteria.Criterion criterion = Criteria.find(keyword);
        if (criterion == null) {
            HaproxyFetches.refuseLua(keyword);
            if (HaproxyFetches.isKnown(keyword)) {
                throw new AclException("fetch method '" + keyword + "' in ACL expression '" + expression
                        + "' is not supported yet by Tollgate.");
            }
            throw new AclException("unknown fetch method '" + keyword + "' in ACL expression '" + expression + "'.");
        }
        String[] args = arguments(keyword, fetchWord, paren, criterion.takesArguments());
        Fetch fetch = criterion.factory().create(keyword, args);
        if (converters.length > 0) {
            fetch = new ConvertedFetch(fetch, converters);
        }

        boolean ignoreCase = false;
        MatchMethod method = criterion.method();
        List<String> patterns = new ArrayList<>();
        List<String> files = new ArrayList<>();
        int i = 1;
        for (; i < words.size() && words.get(i).startsWith("-"); i++) {
            String flag = words.get(i);
            String value = i + 1 < words.size() ? words.get(i + 1) : "";
            switch (flag) {
                case "-i" -> ignoreCase = true;
                case "-n", "-M" -> { } // no DNS resolution / map-style loading: nothing to do here
                case "-u" -> i++; // unique id of the pattern reference, only for the runtime API
                case "-m" -> {
                    method = MatchMethod.named(value);
                    if (method == null) {
                        throw new AclException("unknown matching method '" + value + "' when parsing ACL expression.");
                    }
                    i++;
                }
                case "-f" -> {
                    files.add(value);
                    i++;
                }
                case "--" -> { }
                default -> throw new AclException("'" + flag
                        + "' is not a valid ACL option. Please use '--' before any pattern beginning with a '-'.");
            }
            if (flag.equals("--")) {
                i++;
                break;
            }
        }
        if (!method.accepts(criterion.type())) {
            throw new AclException("matching method '" + method.keyword() + "' cannot be used with fetch keyword '"
                    + keyword + "'.");
        }
        patterns.addAll(words.subList(Math.min(i, words.size()), words.size()));
        // Each file's lines and the patterns written here live in lists the runtime API may
        // change (HAProxy's pattern references), read by the requests through a live snapshot.
        List<PatternTest> tests = new ArrayList<>();
        for (String file : files) {
            PatternRef ref = PatternFiles.load(file, baseDir, "acl");
            tests.add((PatternTest) ref.join(new LivePatterns(method, ignoreCase)));
        }
        PatternRef inline = shared ? PatternFiles.inline(keyword, patterns) : null;
        if (inline != null) {
            tests.add((PatternTest) inline.join(new LivePatterns(method, ignoreCase)));
        } else if (files.isEmpty() || !patterns.isEmpty()) {
            tests.add(method.compile(patterns, ignoreCase));
        }
        PatternTest test = tests.size() == 1 ? tests.get(0) : new AnyOf(tests.toArray(new PatternTest[0]));
        return new Term(fetch, fetch.adapt(test));
    }

    /** Several {@code -f} files: a sample matches when one of them does. */
    private record AnyOf(PatternTest[] tests) implements PatternTest {
        @Override
        public boolean string(String s, int from, int to) {
            for (PatternTest t : tests) {
                if (t.string(s, from, to)) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public boolean integer(long value) {
            for (PatternTest t : tests) {
                if (t.integer(value)) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public boolean address(java.net.InetAddress address) {
            for (PatternTest t : tests) {
                if (t.address(address)) {
                    return true;
                }
            }
            return false;
        }
    }

    private static String[] arguments(String keyword, String expression, int paren, boolean allowed) throws AclException {
        if (paren < 0) {
            return new String[0];
        }
        if (!expression.endsWith(")")) {
            throw new AclException("ACL keyword '" + keyword + "' : expected ')'.");
        }
        String inside = expression.substring(paren + 1, expression.length() - 1);
        if (!allowed && !inside.isEmpty()) {
            throw new AclException("ACL keyword '" + keyword + "' : expected ')' before '" + inside + ")'.");
        }
        return inside.isEmpty() ? new String[0] : inside.split(",", -1);
    }

    /** A compiled expression: true when any sample of the fetch passes the test. */
    private record Term(Fetch fetch, PatternTest test) implements Condition {
        @Override
        public boolean matches(RequestView request) {
            return fetch.anyMatch(request, test);
        }
    }
}
