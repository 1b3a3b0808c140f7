package io.tollgate.engine.rules;

import io.tollgate.engine.acl.AclException;
import io.tollgate.engine.acl.RequestView;
import io.tollgate.engine.acl.SampleExpression;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A log-format string as rule values use it ({@code set-header X-Client %[src]}): literal text,
 * {@code %[<sample expression>]} (with optional {@code %{flags}} in front, which only matter to
 * logs), {@code %%}, and the aliases that make sense for a request in flight. A string without
 * {@code %} renders to itself without allocating.
 */
public final class FormatString {
    private static final Map<String, Function<HttpTransaction, String>> ALIASES = Map.of(
            "ci", tx -> address(tx.view().source()),
            "cp", tx -> Integer.toString(tx.view().sourcePort()),
            "fp", tx -> Integer.toString(tx.view().destinationPort()),
            "f", HttpTransaction::frontendName,
            "ft", HttpTransaction::frontendName,
            "b", tx -> orDash(tx.backendName()),
            "s", tx -> orDash(tx.serverName()),
            "H", tx -> Hostname.NAME,
            "pid", tx -> Long.toString(ProcessHandle.current().pid()));

    private final String constant;
    private final List<Function<HttpTransaction, String>> parts;

    private FormatString(String constant, List<Function<HttpTransaction, String>> parts) {
        this.constant = constant;
        this.parts = parts;
    }

    public static FormatString compile(String text) throws RuleException {
        if (text.indexOf('%') < 0) {
            return new FormatString(text, List.of());
        }
        List<Function<HttpTransaction, String>> parts = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c != '%') {
                literal.append(c);
                i++;
                continue;
            }
            if (i + 1 < text.length() && text.charAt(i + 1) == '%') {
                literal.append('%');
                i += 2;
                continue;
            }
            int j = i + 1;
            if (j < text.length() && text.charAt(j) == '{') {
                int close = text.indexOf('}', j);
                if (close < 0) {
                    throw new RuleException("missing '}' in log-format string '" + text + "'.");
                }
                j = close + 1;
            }
            flush(literal, parts);
            if (j < text.length() && text.charAt(j) == '[') {
                int end = closingBracket(text, j);
                if (end < 0) {
                    throw new RuleException("missing ']' in log-format string '" + text + "'.");
                }
                String expression = text.substring(j + 1, end);
                try {
                    SampleExpression sample = SampleExpression.compile(expression);
                    parts.add(tx -> {
                        String v = sample.value(tx.view());
                        return v == null ? "-" : v;
                    });
                } catch (AclException e) {
                    throw new RuleException("failed to parse sample expression <" + expression + "> : " + e.getMessage());
                }
                i = end + 1;
                continue;
            }
            int k = j;
            while (k < text.length() && Character.isLetterOrDigit(text.charAt(k))) {
                k++;
            }
            String alias = text.substring(j, k);
            Function<HttpTransaction, String> f = ALIASES.get(alias);
            if (f == null) {
                throw new RuleException(alias.isEmpty() ? "unexpected '%' in log-format string '" + text
                        + "' (write '%%' for a percent sign)."
                        : "log-format variable '%" + alias + "' is not supported yet by Tollgate in rule values.");
            }
            parts.add(f);
            i = k;
        }
        flush(literal, parts);
        return new FormatString(null, List.copyOf(parts));
    }

    public String render(HttpTransaction tx) {
        if (constant != null) {
            return constant;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0, n = parts.size(); i < n; i++) {
            sb.append(parts.get(i).apply(tx));
        }
        return sb.toString();
    }

    /**
     * Renders against a bare request view, where no transaction exists (a dynamic
     * {@code use_backend} name): aliases that name proxies or servers render as "-".
     */
    public String render(RequestView view) {
        return constant != null ? constant : render(new ViewOnly(view));
    }

    private record ViewOnly(RequestView view) implements HttpTransaction {
        @Override
        public io.netty.handler.codec.http.HttpRequest request() {
            return null;
        }

        @Override
        public io.netty.handler.codec.http.HttpResponse response() {
            return null;
        }

        @Override
        public void requestLineChanged() {
        }

        @Override
        public void setVariable(String name, String value) {
        }

        @Override
        public void reply(ReplyKind kind, io.netty.handler.codec.http.FullHttpResponse response) {
        }

        @Override
        public void reply(ReplyKind kind, io.tollgate.engine.http.Reply reply) {
        }

        @Override
        public io.tollgate.engine.http.ErrorPages errorPages() {
            return io.tollgate.engine.http.ErrorPages.builtIn();
        }

        @Override
        public io.tollgate.engine.http.ErrorPages frontendErrorPages() {
            return io.tollgate.engine.http.ErrorPages.builtIn();
        }

        @Override
        public void rewriteFailed() {
        }

        @Override
        public void rewriteAddress(boolean source, InetAddress address, int port) {
            throw new UnsupportedOperationException("a format string renders; it does not run actions");
        }

        @Override
        public void track(int counter, String table, String key) {
        }

        @Override
        public String frontendName() {
            return "-";
        }

        @Override
        public String backendName() {
            return null;
        }

        @Override
        public String serverName() {
            return null;
        }
    }

    private static void flush(StringBuilder literal, List<Function<HttpTransaction, String>> parts) {
        if (literal.length() > 0) {
            String text = literal.toString();
            parts.add(tx -> text);
            literal.setLength(0);
        }
    }

    /** The ']' closing the '[' at {@code open}, skipping nested brackets (regex classes). */
    private static int closingBracket(String text, int open) {
        int depth = 0;
        for (int i = open; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '[') {
                depth++;
            } else if (c == ']' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    private static String address(InetAddress a) {
        return a == null ? "-" : a.getHostAddress();
    }

    private static String orDash(String s) {
        return s == null ? "-" : s;
    }

    /** The host name, read once: {@code %H}. */
    private static final class Hostname {
        static final String NAME = read();

        private static String read() {
            try {
                return InetAddress.getLocalHost().getHostName();
            } catch (java.net.UnknownHostException e) {
                return "localhost";
            }
        }
    }
}
