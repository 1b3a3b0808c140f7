package io.tollgate.engine.config;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * {@code tcp-check expect [min-recv <n>] [ok-status <st>] [error-status <st>] [tout-status <st>]
 * [on-success <fmt>] [on-error <fmt>] [status-code <expr>] [comment <msg>] [!] <kind> <pattern>}
 * with HAProxy 2.6's messages ({@code parse_tcpcheck_expect}): options and the pattern in any
 * order, {@code !} only right before the pattern, each {@code !} undoing the previous one.
 */
final class TcpCheckExpectKeyword {
    private static final String LABEL = "'tcp-check expect'";
    private static final List<String> KINDS = List.of("string", "rstring", "binary", "rbinary", "string-lf",
            "binary-lf");
    private static final List<String> OK = List.of("L4OK", "L6OK", "L7OK", "L7OKC");
    private static final List<String> ERROR = List.of("L4CON", "L6RSP", "L7RSP", "L7STS");
    private static final List<String> TIMEOUT = List.of("L4TOUT", "L6TOUT", "L7TOUT");
    /** The one status-code expression Tollgate evaluates without a session: a constant. */
    private static final Pattern INT = Pattern.compile("int\\((-?[0-9]{1,9})\\)");

    private boolean negated;
    private String kind;
    private String pattern;
    private CheckFormat format;
    private int minRecv = -1;
    private String ok;
    private String error;
    private String timeout;
    private CheckFormat onSuccess;
    private CheckFormat onError;
    private Integer statusCode;
    private String comment;

    private TcpCheckExpectKeyword() {
    }

    static TcpCheckDefinition.Expect parse(Line line, int number) throws KeywordException {
        List<String> args = line.from(2);
        if (args.isEmpty() || args.get(0).isEmpty()) {
            throw new KeywordException(LABEL + " : expects at least a matching pattern as arguments.");
        }
        TcpCheckExpectKeyword e = new TcpCheckExpectKeyword();
        int i = 0;
        while (i < args.size()) {
            i = e.word(args, i);
        }
        if (e.kind == null) {
            throw new KeywordException(LABEL + " : pattern not found.");
        }
        return new TcpCheckDefinition.Expect(number, e.comment, e.negated, e.kind, e.pattern, e.format, e.minRecv,
                e.ok, e.error, e.timeout, e.onSuccess, e.onError, e.statusCode);
    }

    /** Reads the option or pattern at {@code i}; returns where the next one starts. */
    private int word(List<String> args, int i) throws KeywordException {
        boolean bang = false;
        while (i < args.size() && args.get(i).equals("!")) {
            negated = !negated;
            bang = true;
            i++;
        }
        String word = i < args.size() ? args.get(i) : "";
        String value = i + 1 < args.size() ? args.get(i + 1) : "";
        if (KINDS.contains(word)) {
            pattern(word, value);
            return i + 2;
        }
        if (!isOption(word)) {
            throw new KeywordException(LABEL + " : 'only supports min-recv, '[!]binary', '[!]string', '[!]rstring', "
                    + "'[!]string-lf''[!]rbinary', '[!]binary-lf' or comment but got '" + word + "' as argument..");
        }
        if (bang) {
            throw new KeywordException(LABEL + " : [!] not supported with '" + word + "'.");
        }
        if (value.isEmpty()) {
            String expected = switch (word) {
                case "min-recv" -> "a integer";
                case "status-code" -> "an expression";
                default -> "a string";
            };
            throw new KeywordException(LABEL + " : '" + word + "' expects " + expected + " as argument.");
        }
        option(word, value);
        return i + 2;
    }

    private static boolean isOption(String word) {
        return switch (word) {
            case "min-recv", "ok-status", "error-status", "tout-status", "on-success", "on-error", "status-code",
                 "comment" -> true;
            default -> false;
        };
    }

    private void option(String word, String value) throws KeywordException {
        switch (word) {
            case "min-recv" -> minRecv = atoi(value);
            case "ok-status" -> ok = status(word, value, OK, "'L4OK', 'L6OK', 'L7OK' or 'L7OKC'");
            case "error-status" -> error = status(word, value, ERROR, "'L4CON', 'L6RSP', 'L7RSP' or 'L7STS'");
            case "tout-status" -> timeout = status(word, value, TIMEOUT, "'L4TOUT', 'L6TOUT' or 'L7TOUT'");
            case "on-success" -> onSuccess = CheckFormat.parse(LABEL, value);
            case "on-error" -> onError = CheckFormat.parse(LABEL, value);
            case "status-code" -> statusCode = statusCode(value);
            default -> comment = value;
        }
    }

    private void pattern(String word, String value) throws KeywordException {
        if (kind != null) {
            throw new KeywordException(LABEL + " : only on pattern expected.");
        }
        if (value.isEmpty()) {
            throw new KeywordException(LABEL + " : '" + word + "' expects a <pattern> as argument.");
        }
        switch (word) {
            case "binary" -> HexBytes.check(LABEL, value, false);
            case "rstring", "rbinary" -> {
                try {
                    Pattern.compile(value);
                } catch (PatternSyntaxException e) {
                    throw new KeywordException(LABEL + " : regex '" + value + "' is invalid (" + e.getDescription() + ").");
                }
            }
            case "string-lf", "binary-lf" -> format = CheckFormat.parse(LABEL, value);
            default -> { }
        }
        kind = word;
        pattern = value;
    }

    private static String status(String option, String value, List<String> allowed, String names)
            throws KeywordException {
        String upper = value.toUpperCase(Locale.ROOT);
        if (!allowed.contains(upper)) {
            throw new KeywordException(LABEL + " : '" + option + "' only supports " + names + " status (got '" + value
                    + "')..");
        }
        return upper;
    }

    private static Integer statusCode(String value) throws KeywordException {
        Matcher m = INT.matcher(value);
        if (!m.matches()) {
            throw new KeywordException(LABEL + " : status-code expression '" + value + "' is not supported yet by "
                    + "Tollgate: a check has no session to fetch from; use a constant such as int(200).");
        }
        return Integer.parseInt(m.group(1));
    }

    /** HAProxy's {@code atol()}: the leading digits, 0 when there are none. */
    private static int atoi(String text) {
        int i = 0;
        boolean minus = text.startsWith("-");
        if (minus || text.startsWith("+")) {
            i++;
        }
        long value = 0;
        while (i < text.length() && text.charAt(i) >= '0' && text.charAt(i) <= '9' && value < Integer.MAX_VALUE) {
            value = value * 10 + (text.charAt(i++) - '0');
        }
        return (int) Math.min(Integer.MAX_VALUE, minus ? -value : value);
    }
}
