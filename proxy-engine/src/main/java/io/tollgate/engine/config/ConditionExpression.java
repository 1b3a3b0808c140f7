package io.tollgate.engine.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Evaluates the expression of a {@code .if}/{@code .elif} line as HAProxy 2.6 does
 * ({@code src/cfgcond.c}): terms joined by {@code &&} (binding tighter) and {@code ||}, each
 * optionally negated by {@code !}, parenthesised, a number (non-zero is true) or a predicate:
 * {@code defined(VAR)}, {@code feature(NAME)}, {@code streq(a,b)}, {@code strneq(a,b)},
 * {@code version_atleast(v)}, {@code version_before(v)}.
 *
 * <p>Tollgate answers {@code version_*} as HAProxy {@value #VERSION} would, and {@code feature()}
 * with what it actually has: no Lua and no QUIC, so blocks guarded by those are skipped.
 */
final class ConditionExpression {
    static final String VERSION = "2.6.12";
    static final Set<String> FEATURES = Set.of("OPENSSL", "THREAD", "EPOLL", "POLL", "GETADDRINFO",
            "PROMEX", "ACCEPT4", "CPU_AFFINITY", "TFO");

    private final String text;
    private final UnaryOperator<String> env;
    private int pos;

    private ConditionExpression(String text, UnaryOperator<String> env) {
        this.text = text;
        this.env = env;
    }

    /** True or false, or a KeywordException with HAProxy's description of the problem. */
    static boolean evaluate(String text, UnaryOperator<String> env) throws KeywordException {
        ConditionExpression expr = new ConditionExpression(text, env);
        boolean value = expr.or();
        expr.skipBlanks();
        if (expr.pos < text.length()) {
            throw new KeywordException("unexpected character '" + text.charAt(expr.pos)
                    + "' at the end of conditional expression '" + text + "'");
        }
        return value;
    }

    private boolean or() throws KeywordException {
        boolean value = and();
        while (accept("||")) {
            value |= and();
        }
        return value;
    }

    private boolean and() throws KeywordException {
        boolean value = term();
        while (accept("&&")) {
            value &= term();
        }
        return value;
    }

    private boolean term() throws KeywordException {
        skipBlanks();
        boolean negate = false;
        while (accept("!")) {
            negate = !negate;
        }
        skipBlanks();
        if (pos >= text.length()) {
            throw new KeywordException("unparsable conditional expression '" + text + "'");
        }
        char c = text.charAt(pos);
        boolean value;
        if (c == '(') {
            pos++;
            value = or();
            if (!accept(")")) {
                throw new KeywordException("expected ')' after conditional expression '" + text + "'");
            }
        } else if (Character.isDigit(c) || c == '-') {
            int start = pos++;
            while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
                pos++;
            }
            value = text.substring(start, pos).chars().anyMatch(ch -> ch >= '1' && ch <= '9');
        } else {
            value = predicate();
        }
        return negate != value;
    }

    private boolean predicate() throws KeywordException {
        int start = pos;
        while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) {
            pos++;
        }
        String name = text.substring(start, pos);
        if (name.isEmpty() || pos >= text.length() || text.charAt(pos) != '(') {
            throw new KeywordException("unparsable conditional expression '" + text.substring(start) + "'");
        }
        int close = text.indexOf(')', pos);
        if (close < 0) {
            throw new KeywordException("missing closing parenthesis in conditional expression '" + text + "'");
        }
        List<String> args = arguments(text.substring(pos + 1, close));
        pos = close + 1;
        return switch (name) {
            case "defined" -> env.apply(arg(name, args, 0, 1)) != null;
            case "feature" -> FEATURES.contains(arg(name, args, 0, 1));
            case "streq" -> arg(name, args, 0, 2).equals(arg(name, args, 1, 2));
            case "strneq" -> !arg(name, args, 0, 2).equals(arg(name, args, 1, 2));
            case "version_atleast" -> compareVersions(VERSION, arg(name, args, 0, 1)) >= 0;
            case "version_before" -> compareVersions(VERSION, arg(name, args, 0, 1)) < 0;
            default -> throw new KeywordException("unknown predicate '" + name + "' in conditional expression '" + text + "'");
        };
    }

    private static String arg(String predicate, List<String> args, int index, int expected) throws KeywordException {
        if (args.size() != expected) {
            throw new KeywordException("predicate '" + predicate + "' expects " + expected + " argument(s), got " + args.size());
        }
        return args.get(index);
    }

    private static List<String> arguments(String inside) {
        List<String> args = new ArrayList<>();
        if (inside.isBlank()) {
            return args;
        }
        for (String part : inside.split(",", -1)) {
            String value = part.strip();
            if (value.length() >= 2 && (value.charAt(0) == '"' || value.charAt(0) == '\'')
                    && value.charAt(value.length() - 1) == value.charAt(0)) {
                value = value.substring(1, value.length() - 1);
            }
            args.add(value);
        }
        return args;
    }

    /** Compares dotted versions numerically ("2.6.12" > "2.6.9"); a suffix like "-dev3" is ignored. */
    static int compareVersions(String a, String b) {
        List<String> x = versionParts(a);
        List<String> y = versionParts(b);
        for (int i = 0; i < Math.max(x.size(), y.size()); i++) {
            String left = i < x.size() ? x.get(i) : "0";
            String right = i < y.size() ? y.get(i) : "0";
            // Compare as unbounded numbers: the longer digit string (without leading zeros) wins.
            int byLength = Integer.compare(left.length(), right.length());
            int order = byLength != 0 ? byLength : left.compareTo(right);
            if (order != 0) {
                return order;
            }
        }
        return 0;
    }

    private static List<String> versionParts(String version) {
        String numeric = version.split("[^0-9.]", 2)[0];
        List<String> parts = new ArrayList<>();
        for (String part : numeric.split("\\.")) {
            String trimmed = part.replaceFirst("^0+(?=.)", "");
            if (!trimmed.isEmpty()) {
                parts.add(trimmed);
            }
        }
        return parts;
    }

    private boolean accept(String token) {
        skipBlanks();
        if (text.startsWith(token, pos)) {
            pos += token.length();
            return true;
        }
        return false;
    }

    private void skipBlanks() {
        while (pos < text.length() && (text.charAt(pos) == ' ' || text.charAt(pos) == '\t')) {
            pos++;
        }
    }
}
