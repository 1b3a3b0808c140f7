package io.tollgate.engine.log;

import io.tollgate.engine.acl.AclException;
import io.tollgate.engine.acl.SampleExpression;

import java.util.ArrayList;
import java.util.List;

/**
 * A compiled {@code log-format} string: literal text, separators (one per run of spaces) and
 * variables with their flags, compiled once at load and rendered for each request into the
 * caller's builder.
 *
 * <h2>Separators</h2>
 * As HAProxy's {@code sess_build_logline}, a separator writes one space only when the previous
 * node wrote something: a capture list that is empty leaves no double space, and a line never
 * starts with one.
 */
public final class LogFormat {
    private final String text;
    private final Node[] nodes;
    private final boolean usesSamples;

    private LogFormat(String text, List<Node> nodes) {
        this.text = text;
        this.nodes = nodes.toArray(new Node[0]);
        this.usesSamples = nodes.stream().anyMatch(n -> n.sample != null);
    }

    /**
     * Compiles {@code text} for a frontend in {@code mode http} ({@code http}) or not, with
     * HAProxy 2.6's parse errors.
     */
    public static LogFormat compile(String text, boolean http) throws LogFormatException {
        return new LogFormat(text, new Parser(text, http).parse());
    }

    public String text() {
        return text;
    }

    /** Whether rendering reads the request through a {@link io.tollgate.engine.acl.RequestView}. */
    public boolean usesSamples() {
        return usesSamples;
    }

    /** Appends the line for {@code e}; {@code logCount} is the frontend's line number ({@code %lc}). */
    public void render(LogEvent e, StringBuilder sb, long logCount) {
        boolean lastIsSpace = true;
        for (Node n : nodes) {
            if (n.literal != null) {
                sb.append(n.literal);
                lastIsSpace = false;
            } else if (n.connection != null) {
                LogText.text(sb, n.connection.value(e), n.flags);
                lastIsSpace = false;
            } else if (n.variable == null && n.sample == null) {
                if (!lastIsSpace) {
                    sb.append(' ');
                    lastIsSpace = true;
                }
            } else if (n.sample != null) {
                String v = e.view == null ? null : n.sample.value(e.view);
                LogText.text(sb, v, n.flags);
                lastIsSpace = false;
            } else if (write(n.variable, e, sb, n.flags, logCount)) {
                lastIsSpace = false;
            }
        }
    }

    private static boolean write(LogVariable v, LogEvent e, StringBuilder sb, int flags, long logCount) {
        switch (v) {
            case REQUEST_HEADERS, RESPONSE_HEADERS -> {
                String[] caps = v == LogVariable.REQUEST_HEADERS ? e.requestCaptures : e.responseCaptures;
                if (caps == null || e.method == null) {
                    // nothing was captured of a request that could not be parsed
                    return false;
                }
                boolean quote = (flags & LogText.QUOTE) != 0;
                if (quote) {
                    sb.append('"');
                }
                sb.append('{');
                for (int i = 0; i < caps.length; i++) {
                    if (i > 0) {
                        sb.append('|');
                    }
                    if (caps[i] != null) {
                        LogText.encoded(sb, caps[i]);
                    }
                }
                sb.append('}');
                if (quote) {
                    sb.append('"');
                }
                return true;
            }
            case REQUEST_HEADER_LIST, RESPONSE_HEADER_LIST -> {
                String[] caps = v == LogVariable.REQUEST_HEADER_LIST ? e.requestCaptures : e.responseCaptures;
                if (caps == null || e.method == null) {
                    // nothing was captured of a request that could not be parsed
                    return false;
                }
                boolean quote = (flags & LogText.QUOTE) != 0;
                for (int i = 0; i < caps.length; i++) {
                    if (i > 0) {
                        sb.append(' ');
                    }
                    if (quote) {
                        sb.append('"');
                    }
                    if (caps[i] != null) {
                        LogText.encoded(sb, caps[i]);
                    } else if (!quote) {
                        sb.append('-');
                    }
                    if (quote) {
                        sb.append('"');
                    }
                }
                return true;
            }
            case LOG_COUNTER -> {
                LogText.number(sb, logCount, flags);
                return true;
            }
            case OPTIONS -> {
                return false;
            }
            default -> {
                v.writer.write(e, sb, flags);
                return true;
            }
        }
    }

    /** One piece of the format: exactly one of literal, variable or samples, or none for a separator. */
    private record Node(String literal, LogVariable variable, SampleExpression sample, ConnectionSample connection,
                        int flags) {
        Node(String literal, LogVariable variable, SampleExpression sample, int flags) {
            this(literal, variable, sample, null, flags);
        }
    }

    /** HAProxy's {@code parse_logformat_string}, reduced to what Tollgate renders. */
    private static final class Parser {
        private final String s;
        private final boolean http;
        private final List<Node> nodes = new ArrayList<>();
        private final StringBuilder literal = new StringBuilder();
        private int globalFlags;

        Parser(String s, boolean http) {
            this.s = s;
            this.http = http;
        }

        List<Node> parse() throws LogFormatException {
            int i = 0;
            while (i < s.length()) {
                char c = s.charAt(i);
                if (c == ' ') {
                    flushLiteral();
                    if (nodes.isEmpty() || !isSeparator(nodes.get(nodes.size() - 1))) {
                        nodes.add(new Node(null, null, null, 0));
                    }
                    i++;
                } else if (c == '%') {
                    i = variable(i);
                } else {
                    literal.append(c);
                    i++;
                }
            }
            flushLiteral();
            return nodes;
        }

        private static boolean isSeparator(Node n) {
            return n.literal == null && n.variable == null && n.sample == null && n.connection == null;
        }

        private void flushLiteral() {
            if (literal.length() > 0) {
                nodes.add(new Node(literal.toString(), null, null, 0));
                literal.setLength(0);
            }
        }

        /** Reads the variable at {@code at} (a '%'); returns where the text goes on. */
        private int variable(int at) throws LogFormatException {
            int i = at + 1;
            if (i >= s.length()) {
                throw new LogFormatException("truncated line after '%'");
            }
            if (s.charAt(i) == '%') {
                literal.append('%');
                return i + 1;
            }
            int flags = globalFlags;
            String modifiers = null;
            if (s.charAt(i) == '{') {
                int end = s.indexOf('}', i);
                if (end < 0) {
                    throw new LogFormatException("truncated line after '" + s.substring(i + 1) + "'");
                }
                modifiers = s.substring(i + 1, end);
                flags = applyFlags(modifiers, flags);
                i = end + 1;
            }
            if (i < s.length() && s.charAt(i) == '[') {
                int end = s.indexOf(']', i);
                if (end < 0) {
                    throw new LogFormatException("missing ']' after '" + s.substring(i + 1) + "'");
                }
                String expr = s.substring(i + 1, end);
                ConnectionSample connection;
                try {
                    connection = ConnectionSample.compile(expr);
                } catch (LogFormatException e) {
                    throw new LogFormatException("failed to parse sample expression <" + s.substring(i + 1) + "> : "
                            + e.getMessage());
                }
                if (connection != null) {
                    flushLiteral();
                    nodes.add(new Node(null, null, null, connection, flags));
                    return end + 1;
                }
                SampleExpression sample;
                try {
                    sample = SampleExpression.compile(expr);
                } catch (AclException e) {
                    String why = e.getMessage().endsWith(".") ? e.getMessage().substring(0, e.getMessage().length() - 1)
                            : e.getMessage();
                    // the expression is in the message already, where HAProxy's log-format parser names it
                    why = why.replace(" in sample expression '" + expr + "'", "");
                    throw new LogFormatException("failed to parse sample expression <" + s.substring(i + 1) + "> : " + why);
                }
                String missing = LogSamples.missing(sample.fetchName());
                if (missing != null) {
                    throw new LogFormatException("sample fetch <" + s.substring(i + 1) + "> may not be reliably used "
                            + "here because it needs '" + missing + "' which is not available here");
                }
                flushLiteral();
                nodes.add(new Node(null, null, sample, flags));
                return end + 1;
            }
            int start = i;
            while (i < s.length() && Character.isLetter(s.charAt(i))) {
                i++;
            }
            if (i == start) {
                if (modifiers != null) {
                    throw new LogFormatException("parse argument modifier without variable name near '"
                            + s.substring(at, i) + "'");
                }
                throw new LogFormatException("unexpected variable name near '" + s.substring(start) + "' at position "
                        + (start - at) + " line : '" + s + "'. Maybe you want to write a single '%', use the syntax '%%'");
            }
            String name = s.substring(start, i);
            LogVariable v = LogVariable.named(name);
            if (v == null) {
                throw new LogFormatException("no such format variable '" + name + "'. If you wanted to emit the '%' "
                        + "character verbatim, you need to use '%%'");
            }
            if (v.httpOnly && !http) {
                throw new LogFormatException("format variable '" + name + "' is reserved for HTTP mode");
            }
            if (v == LogVariable.OPTIONS) {
                globalFlags = flags;
                return i;
            }
            flushLiteral();
            nodes.add(new Node(null, v, null, flags));
            return i;
        }

        /** {@code +Q,-X,...}: flags HAProxy does not know are ignored, as it does. */
        private static int applyFlags(String modifiers, int flags) {
            for (String m : modifiers.split(",")) {
                if (m.length() != 2 || (m.charAt(0) != '+' && m.charAt(0) != '-')) {
                    continue;
                }
                int bit = switch (m.charAt(1)) {
                    case 'Q' -> LogText.QUOTE;
                    case 'X' -> LogText.HEX;
                    case 'E' -> LogText.ESCAPE;
                    default -> 0;
                };
                flags = m.charAt(0) == '+' ? flags | bit : flags & ~bit;
            }
            return flags;
        }
    }
}
