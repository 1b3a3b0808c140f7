package io.tollgate.engine.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code balance <algorithm> [args]} ({@code backend_parse_balance()} in HAProxy's
 * {@code src/backend.c}). Every 2.6 algorithm is checked and kept: {@code ProxyConfig.balance}
 * gets the algorithm's word ({@code roundrobin}, {@code hdr}, {@code random}, ...) and
 * {@code balanceArgs} its arguments, a parenthesised one first ({@code hdr(Host)} gives
 * {@code hdr} and {@code [Host]}). Implementing them is the balancing issue's work.
 */
final class BalanceKeywords {
    private static final String SUPPORTED = "only supports 'roundrobin', 'static-rr', 'leastconn', 'source', 'uri', "
            + "'url_param', 'hdr(name)' and 'rdp-cookie(name)' options.";

    /** Checks an algorithm's arguments: the parenthesised value (or null) and the words after. */
    @FunctionalInterface
    private interface Algorithm {
        void check(String paren, List<String> rest) throws KeywordException;
    }

    private static final Map<String, Algorithm> ALGORITHMS = new LinkedHashMap<>();

    static {
        for (String plain : List.of("roundrobin", "static-rr", "leastconn", "first", "source")) {
            ALGORITHMS.put(plain, (paren, rest) -> noArguments(plain, paren, rest));
        }
        ALGORITHMS.put("uri", BalanceKeywords::uri);
        ALGORITHMS.put("url_param", (paren, rest) -> {
            if (rest.isEmpty()) {
                throw new KeywordException("url_param requires an URL parameter name.");
            }
            if (rest.size() > 1 && !rest.get(1).equals("check_post")) {
                throw new KeywordException("url_param only accepts 'check_post' modifier (got '" + rest.get(1) + "').");
            }
        });
        ALGORITHMS.put("hash", (paren, rest) -> {
            if (rest.isEmpty()) {
                throw new KeywordException("hash requires a sample expression.");
            }
            if (rest.size() > 1) {
                throw new KeywordException("hash takes no other argument (got '" + rest.get(1) + "').");
            }
            try {
                io.tollgate.engine.acl.SampleExpression.compile(rest.get(0));
            } catch (io.tollgate.engine.acl.AclException e) {
                throw new KeywordException("hash : " + e.getMessage());
            }
        });
        ALGORITHMS.put("hdr", (paren, rest) -> {
            if (paren == null || paren.isEmpty()) {
                throw new KeywordException("hdr requires an http header field name.");
            }
            if (!rest.isEmpty() && !rest.get(0).equals("use_domain_only")) {
                throw new KeywordException("hdr(" + paren + ") only accepts 'use_domain_only' modifier (got '"
                        + rest.get(0) + "').");
            }
        });
        ALGORITHMS.put("random", BalanceKeywords::random);
        ALGORITHMS.put("rdp-cookie", (paren, rest) -> {
            if (paren != null && paren.isEmpty()) {
                throw new KeywordException("rdp-cookie : missing cookie name.");
            }
        });
    }

    private BalanceKeywords() {
    }

    static void register(KeywordTable<ProxyState> table) {
        table.add("balance", Capabilities.backend(BalanceKeywords::balance));
    }

    private static void balance(Line line, ProxyState proxy, Problems problems) throws KeywordException {
        String word = line.arg(1);
        if (word.isEmpty()) {
            proxy.balance = "roundrobin";
            proxy.balanceArgs = List.of();
            return;
        }
        int open = word.indexOf('(');
        String name = open < 0 ? word : word.substring(0, open);
        String paren = null;
        if (open >= 0) {
            if (!word.endsWith(")")) {
                throw new KeywordException("balance " + name + " : missing closing parenthesis.");
            }
            paren = word.substring(open + 1, word.length() - 1);
        }
        Algorithm algorithm = ALGORITHMS.get(name);
        if (algorithm == null) {
            String best = WordFingerprint.bestMatch(word, ALGORITHMS.keySet(), List.of());
            throw new KeywordException("'balance' : unknown algorithm '" + word + "'"
                    + (best == null ? "" : "; did you mean '" + best + "' maybe ?") + " (balance " + SUPPORTED + ")");
        }
        List<String> rest = line.from(2);
        try {
            algorithm.check(paren, rest);
        } catch (KeywordException e) {
            throw new KeywordException("balance " + e.getMessage());
        }
        List<String> args = new ArrayList<>();
        if (paren != null) {
            args.add(paren);
        }
        args.addAll(rest);
        proxy.balance = name;
        proxy.balanceArgs = List.copyOf(args);
    }

    private static void noArguments(String name, String paren, List<String> rest) throws KeywordException {
        if (paren != null || !rest.isEmpty()) {
            throw new KeywordException(name + " takes no argument (got '" + (paren != null ? "(" + paren + ")" : rest.get(0)) + "').");
        }
    }

    private static void uri(String paren, List<String> rest) throws KeywordException {
        int i = 0;
        while (i < rest.size()) {
            String option = rest.get(i);
            if (option.equals("len") || option.equals("depth")) {
                String value = i + 1 < rest.size() ? rest.get(i + 1) : "";
                if (!value.matches("[0-9]{1,9}") || Integer.parseInt(value) <= 0) {
                    throw new KeywordException("uri : '" + option + "' expects a positive integer (got '" + value + "').");
                }
                i += 2;
            } else if (option.equals("whole") || option.equals("path-only")) {
                i++;
            } else {
                throw new KeywordException("uri only accepts parameters 'len', 'depth', 'path-only', and 'whole' (got '"
                        + option + "').");
            }
        }
    }

    private static void random(String paren, List<String> rest) throws KeywordException {
        if (paren != null && !paren.isEmpty()) {
            if (!paren.matches("[0-9]{1,9}")) {
                throw new KeywordException("random : unexpected character '" + paren.replaceAll("^[0-9]*", "").charAt(0)
                        + "' after argument.");
            }
            if (Integer.parseInt(paren) < 1) {
                throw new KeywordException("random : number of draws must be at least 1.");
            }
        }
        if (!rest.isEmpty()) {
            throw new KeywordException("random takes no other argument (got '" + rest.get(0) + "').");
        }
    }
}
