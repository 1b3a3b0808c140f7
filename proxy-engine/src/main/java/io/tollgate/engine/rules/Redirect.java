package io.tollgate.engine.rules;

import io.tollgate.engine.acl.RequestView;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code redirect location|prefix|scheme <to> [code <c>] [drop-query] [append-slash]
 * [set-cookie <n>[=<v>]] [clear-cookie <n>] [ignore-empty]}: the standalone keyword and the
 * {@code http-request redirect} action. {@code <to>} is a log-format string.
 */
final class Redirect implements HttpAction {
    private static final String OPTIONS = "expects 'code', 'prefix', 'location', 'scheme', 'set-cookie', "
            + "'clear-cookie', 'drop-query', 'ignore-empty' or 'append-slash'";

    private enum Type { LOCATION, PREFIX, SCHEME }

    private final Type type;
    private final FormatString target;
    private final int code;
    private final boolean dropQuery;
    private final boolean appendSlash;
    private final boolean ignoreEmpty;
    private final List<String> cookies;

    private Redirect(Type type, FormatString target, int code, boolean dropQuery, boolean appendSlash,
                     boolean ignoreEmpty, List<String> cookies) {
        this.type = type;
        this.target = target;
        this.code = code;
        this.dropQuery = dropQuery;
        this.appendSlash = appendSlash;
        this.ignoreEmpty = ignoreEmpty;
        this.cookies = cookies;
    }

    /** Parses the words after {@code redirect} (without the condition). */
    static Redirect parse(List<String> words) throws RuleException {
        Type type = null;
        String to = null;
        int code = 302;
        boolean dropQuery = false;
        boolean appendSlash = false;
        boolean ignoreEmpty = false;
        List<String> cookies = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            switch (w) {
                case "location", "prefix", "scheme" -> {
                    if (i + 1 >= words.size()) {
                        throw new RuleException("missing argument for '" + w + "'.");
                    }
                    type = Type.valueOf(w.toUpperCase(java.util.Locale.ROOT));
                    to = words.get(++i);
                }
                case "code" -> {
                    if (i + 1 >= words.size()) {
                        throw new RuleException("missing argument for 'code'.");
                    }
                    String c = words.get(++i);
                    if (!List.of("301", "302", "303", "307", "308").contains(c)) {
                        throw new RuleException("'code': unsupported HTTP code '" + c
                                + "' (must be one of 301, 302, 303, 307 or 308).");
                    }
                    code = Integer.parseInt(c);
                }
                case "set-cookie", "clear-cookie" -> {
                    if (i + 1 >= words.size()) {
                        throw new RuleException("missing argument for '" + w + "'.");
                    }
                    String c = words.get(++i);
                    cookies.add(w.equals("set-cookie")
                            ? (c.contains("=") ? c : c + "=") + "; path=/;"
                            : c + "=; Expires=Thu, 01-Jan-1970 00:00:01 GMT; path=/;");
                }
                case "drop-query" -> dropQuery = true;
                case "append-slash" -> appendSlash = true;
                case "ignore-empty" -> ignoreEmpty = true;
                default -> throw new RuleException(OPTIONS + " (was '" + w + "').");
            }
        }
        if (type == null) {
            throw new RuleException("redirect type (location, prefix or scheme) is missing.");
        }
        return new Redirect(type, FormatString.compile(to), code, dropQuery, appendSlash, ignoreEmpty,
                List.copyOf(cookies));
    }

    @Override
    public Verdict apply(HttpTransaction tx) {
        String to = target.render(tx);
        if (to.isEmpty() && ignoreEmpty) {
            return Verdict.CONTINUE;
        }
        String location = switch (type) {
            case LOCATION -> to;
            case PREFIX -> (to.equals("/") ? "" : to) + pathAndQuery(tx.view());
            case SCHEME -> to + "://" + host(tx.view()) + pathAndQuery(tx.view());
        };
        tx.reply(ReplyKind.INTERCEPT, Replies.redirect(code, location, cookies));
        return Verdict.DONE;
    }

    private String pathAndQuery(RequestView view) {
        String path = view.path() == null ? "/" : view.path();
        if (appendSlash && !path.endsWith("/")) {
            path = path + "/";
        }
        String query = view.query();
        return dropQuery || query == null ? path : path + "?" + query;
    }

    private static String host(RequestView view) {
        List<String> hosts = view.headers("host");
        return hosts.isEmpty() ? "" : hosts.get(0).strip();
    }
}
