package io.tollgate.engine.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * {@code option httpchk [<method>] [<uri>] [<version>]} and the {@code http-check} keyword
 * family ({@code send}, {@code expect}, {@code disable-on-404}, {@code send-state},
 * {@code comment}, {@code connect}), with HAProxy 2.6's messages. The rules are kept in the
 * section's {@link HttpCheckRules} and become an {@link HttpCheckDefinition} when the section ends
 * with {@code option httpchk} in effect.
 */
final class HttpCheckKeywords {
    private static final List<String> EXPECT_KINDS = List.of("string", "rstring", "string-lf", "status", "rstatus",
            "hdr", "fhdr");
    private static final List<String> EXPECT_OPTIONS = List.of("min-recv", "comment", "ok-status", "error-status",
            "tout-status", "on-success", "on-error", "status-code");

    private HttpCheckKeywords() {
    }

    static void register(KeywordTable<ProxyState> table) {
        table.add("http-check", Capabilities.backend(HttpCheckKeywords::httpCheck));
    }

    /** {@code option httpchk}: the legacy request line, which {@code http-check send} may complete. */
    static void option(Line line, ProxyState proxy, Problems problems) throws KeywordException {
        if (line.modifier() != Line.Modifier.NONE) {
            throw new KeywordException("negation/default is not supported for option 'httpchk'.");
        }
        List<String> args = line.from(2);
        if (args.size() > 3) {
            throw new KeywordException("'option httpchk' cannot handle unexpected argument '" + args.get(3) + "'.");
        }
        String method = "OPTIONS";
        String uri = "/";
        String version = "HTTP/1.0";
        if (args.size() == 1) {
            uri = args.get(0);
        } else if (args.size() >= 2) {
            method = args.get(0);
            uri = args.get(1);
            if (args.size() == 3) {
                version = args.get(2);
            }
        }
        // the legacy form smuggles headers after the version: "HTTP/1.1\r\nHost:\ www"
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        String[] parts = version.split("\r\n");
        version = parts[0];
        for (int i = 1; i < parts.length; i++) {
            int colon = parts[i].indexOf(':');
            if (colon > 0) {
                headers.add(Map.entry(parts[i].substring(0, colon).trim(), parts[i].substring(colon + 1).trim()));
            }
        }
        proxy.healthCheck = new HttpCheckRules.Selected(method, uri, version, List.copyOf(headers));
    }

    private static void httpCheck(Line line, ProxyState proxy, Problems problems) throws KeywordException {
        String what = line.arg(1);
        HttpCheckRules rules = proxy.httpCheck;
        switch (what) {
            case "disable-on-404" -> {
                noMoreThan(line, 2);
                rules.disableOn404 = true;
            }
            case "send-state" -> {
                noMoreThan(line, 2);
                rules.sendState = true;
            }
            case "comment", "connect" -> rules.used = true;
            case "send" -> send(line, rules);
            case "expect" -> expect(line, rules);
            default -> {
                if (what.startsWith("set-var") || what.startsWith("unset-var")) {
                    rules.used = true;
                    return;
                }
                throw new KeywordException("'http-check' only supports 'disable-on-404', 'send-state', 'comment', "
                        + "'connect', 'send', 'expect', 'set-var-fmt(*)', 'set-var(*)', 'unset-var(*)'. but got '"
                        + what + "'");
            }
        }
    }

    private static void noMoreThan(Line line, int words) throws KeywordException {
        if (line.has(words)) {
            throw new KeywordException("'http-check' cannot handle unexpected argument '" + line.arg(words) + "'.");
        }
    }

    private static void send(Line line, HttpCheckRules rules) throws KeywordException {
        List<String> args = line.from(2);
        for (int i = 0; i < args.size(); i++) {
            String key = args.get(i);
            switch (key) {
                case "meth", "uri", "uri-lf", "ver", "body", "body-lf", "comment" -> {
                    if (i + 1 >= args.size()) {
                        throw new KeywordException("'http-check send' : '" + key + "' expects a string as argument.");
                    }
                    String value = args.get(++i);
                    switch (key) {
                        case "meth" -> rules.method = value;
                        case "uri", "uri-lf" -> rules.uri = value;
                        case "ver" -> rules.version = value;
                        case "body", "body-lf" -> rules.body = value;
                        default -> {
                        }
                    }
                }
                case "hdr" -> {
                    if (i + 2 >= args.size()) {
                        throw new KeywordException("'http-check send' : 'hdr' expects <name> and <value> as arguments.");
                    }
                    rules.headers.add(Map.entry(args.get(i + 1), args.get(i + 2)));
                    i += 2;
                }
                default -> throw new KeywordException("'http-check send' : expects 'comment', 'meth', 'uri', "
                        + "'uri-lf', 'ver', 'hdr', 'body' or 'body-lf' but got '" + key + "' as argument.");
            }
        }
        rules.used = true;
    }

    private static void expect(Line line, HttpCheckRules rules) throws KeywordException {
        List<String> args = line.from(2);
        int i = 0;
        boolean negated = false;
        String kind = null;
        String pattern = null;
        String value = null;
        String ok = null;
        String error = null;
        String timeout = null;
        while (i < args.size()) {
            String word = args.get(i);
            if (word.equals("!")) {
                negated = true;
                i++;
            } else if (kind == null && EXPECT_KINDS.contains(word)) {
                kind = word;
                if (word.equals("hdr") || word.equals("fhdr")) {
                    i++;
                    while (i + 1 < args.size() && List.of("name", "name-lf", "value", "value-lf").contains(args.get(i))
                            || i < args.size() && args.get(i).startsWith("-m")) {
                        String k = args.get(i);
                        if (k.startsWith("-m")) {
                            i += 2;
                            continue;
                        }
                        if (k.startsWith("name")) {
                            pattern = args.get(i + 1);
                        } else {
                            value = args.get(i + 1);
                        }
                        i += 2;
                    }
                    if (pattern == null) {
                        throw new KeywordException("'http-check expect' : '" + word + "' expects a 'name' as argument.");
                    }
                    continue;
                }
                if (i + 1 >= args.size()) {
                    throw new KeywordException("'http-check expect' : '" + word + "' expects a <pattern> as argument.");
                }
                pattern = args.get(i + 1);
                if (word.startsWith("r")) {
                    try {
                        Pattern.compile(pattern);
                    } catch (PatternSyntaxException e) {
                        throw new KeywordException("'http-check expect' : regex '" + pattern + "' is invalid ("
                                + e.getDescription() + ").");
                    }
                }
                i += 2;
            } else if (EXPECT_OPTIONS.contains(word)) {
                if (i + 1 >= args.size()) {
                    throw new KeywordException("'http-check expect' : '" + word + "' expects an argument.");
                }
                String arg = args.get(i + 1);
                switch (word) {
                    case "ok-status" -> ok = arg;
                    case "error-status" -> error = arg;
                    case "tout-status" -> timeout = arg;
                    default -> {
                    }
                }
                i += 2;
            } else {
                throw new KeywordException("'http-check expect' : 'only supports min-recv, [!]string', '[!]rstring', "
                        + "'[!]string-lf', '[!]status', '[!]rstatus', [!]hdr, [!]fhdr or comment but got '" + word
                        + "' as argument.");
            }
        }
        if (kind == null) {
            throw new KeywordException("'http-check expect' : expects a pattern type ('status', 'rstatus', 'string', "
                    + "'rstring', 'hdr' or 'fhdr').");
        }
        rules.expects.add(new HttpCheckDefinition.Expect(negated, kind, pattern, value, ok, error, timeout));
        rules.used = true;
    }
}
