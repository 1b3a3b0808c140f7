package io.tollgate.engine.config;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Splits one configuration line into words exactly as HAProxy 2.6's {@code parse_line()}
 * ({@code src/tools.c}) does with the options the config reader uses:
 * <ul>
 *   <li>unquoted blanks separate words; {@code #} outside quotes starts a comment;</li>
 *   <li>{@code "..."} groups and expands {@code $VAR}, {@code ${VAR}}, {@code ${VAR-default}} and
 *       {@code ${VAR[*]}} (one word per blank-separated part); {@code '...'} groups literally;</li>
 *   <li>outside single quotes a backslash escapes blank, {@code \}, {@code #}, {@code '},
 *       {@code "}, {@code $} (inside double quotes only), and makes {@code \t \n \r \xHH};
 *       any other backslash stays as written;</li>
 *   <li>{@code $} outside double quotes is an ordinary character: HAProxy expands unquoted
 *       variables only later, in addresses ({@link EnvExpansion});</li>
 *   <li>an unset variable expands to nothing; {@code .LINE}, {@code .FILE} and {@code .SECTION}
 *       are HAProxy's pseudo-variables, answered by the caller.</li>
 * </ul>
 * Every word is returned, including empty ones (a trailing blank yields a final empty word, as
 * in HAProxy); the reader decides what they mean. Errors carry HAProxy's message and the
 * 1-based position in the raw line.
 */
final class LineTokenizer {

    /** The words, or an error message (then {@code words} is empty). */
    record Result(List<String> words, String error) {
        boolean isError() {
            return error != null;
        }
    }

    private final String line;
    private final UnaryOperator<String> variables;
    private final List<String> words = new ArrayList<>();
    private final StringBuilder word = new StringBuilder();
    private int pos;

    private LineTokenizer(String line, UnaryOperator<String> variables) {
        this.line = line;
        this.variables = variables;
    }

    /**
     * Tokenizes {@code line} (without its LF). {@code variables} returns a variable's value or
     * null when unset; for a pseudo-variable name starting with '.', null means "unsupported".
     */
    static Result tokenize(String line, UnaryOperator<String> variables) {
        try {
            return new Result(new LineTokenizer(line, variables).run(), null);
        } catch (KeywordException e) {
            return new Result(List.of(), e.getMessage());
        }
    }

    private List<String> run() throws KeywordException {
        boolean squote = false;
        boolean dquote = false;
        int quoteAt = -1;
        pos = 0;
        while (pos < line.length() && isBlank(line.charAt(pos))) {
            pos++;
        }
        while (pos < line.length()) {
            char c = line.charAt(pos);
            if (c == '\n' || c == '\r' || c == '\0') {
                break;
            } else if (c == '#' && !squote && !dquote) {
                break;
            } else if (c == '"' && !squote) {
                dquote = !dquote;
                quoteAt = dquote ? pos : -1;
                pos++;
            } else if (c == '\'' && !dquote) {
                squote = !squote;
                quoteAt = squote ? pos : -1;
                pos++;
            } else if (c == '\\' && !squote) {
                escape(dquote);
            } else if (isBlank(c) && !squote && !dquote) {
                while (pos < line.length() && isBlank(line.charAt(pos))) {
                    pos++;
                }
                endWord();
            } else if (c == '$' && dquote) {
                expandVariable();
            } else {
                word.append(c);
                pos++;
            }
        }
        endWord();
        if (quoteAt >= 0) {
            throw error("unmatched quote", quoteAt);
        }
        return words;
    }

    private void escape(boolean dquote) throws KeywordException {
        char next = pos + 1 < line.length() ? line.charAt(pos + 1) : '\0';
        switch (next) {
            case ' ', '\\', '#', '\'', '"' -> {
                word.append(next);
                pos += 2;
            }
            case 't' -> append('\t', 2);
            case 'n' -> append('\n', 2);
            case 'r' -> append('\r', 2);
            case '$' -> {
                // "\$" only means "$" inside double quotes, where '$' would start a variable.
                if (dquote) {
                    append('$', 2);
                } else {
                    append('\\', 1);
                }
            }
            case 'x' -> {
                int hi = hexValue(pos + 2);
                int lo = hexValue(pos + 3);
                if (hi < 0 || lo < 0) {
                    throw error("truncated or invalid hexadecimal sequence", pos);
                }
                append((char) (hi * 16 + lo), 4);
            }
            default -> append('\\', 1);
        }
    }

    private void expandVariable() throws KeywordException {
        pos++;
        int braceAt = -1;
        if (pos < line.length() && line.charAt(pos) == '{') {
            braceAt = pos++;
        }
        char first = pos < line.length() ? line.charAt(pos) : '\0';
        if (!isAlpha(first) && first != '_' && first != '.') {
            throw error("forbidden first char in environment variable name", pos);
        }
        int nameStart = pos;
        if (first == '.') {
            pos++;
        }
        while (pos < line.length() && (isAlnum(line.charAt(pos)) || line.charAt(pos) == '_')) {
            pos++;
        }
        String name = line.substring(nameStart, pos);
        String value = variables.apply(name);
        if (value == null && first == '.') {
            throw error("forbidden first char in environment variable name", nameStart);
        }
        boolean split = false;
        if (braceAt >= 0 && pos < line.length() && line.charAt(pos) == '[') {
            int expandAt = pos;
            if (!line.startsWith("[*]", pos)) {
                throw error("truncated or invalid word expansion sequence", expandAt);
            }
            pos += 3;
            split = true;
        }
        if (braceAt >= 0) {
            if (pos < line.length() && line.charAt(pos) == '-') {
                int close = line.indexOf('}', pos);
                if (close < 0) {
                    throw error("unmatched brace in environment variable name", braceAt);
                }
                if (value == null) {
                    value = line.substring(pos + 1, close);
                }
                pos = close;
            } else if (pos >= line.length() || line.charAt(pos) != '}') {
                throw error("unmatched brace in environment variable name", braceAt);
            }
            pos++;
        }
        if (value != null) {
            emitValue(value, split);
        }
    }

    private void emitValue(String value, boolean split) {
        int i = 0;
        while (i < value.length()) {
            char c = value.charAt(i);
            if (split && isBlank(c)) {
                endWord();
                while (i < value.length() && isBlank(value.charAt(i))) {
                    i++;
                }
            } else {
                word.append(c);
                i++;
            }
        }
    }

    private void append(char c, int consumed) {
        word.append(c);
        pos += consumed;
    }

    private void endWord() {
        words.add(word.toString());
        word.setLength(0);
    }

    private int hexValue(int at) {
        return at < line.length() ? Character.digit(line.charAt(at), 16) : -1;
    }

    private static KeywordException error(String what, int at) {
        return new KeywordException(what + " at position " + (at + 1));
    }

    /** C's isspace() minus the line ends, which stop parsing before this is asked. */
    static boolean isBlank(char c) {
        return c == ' ' || c == '\t' || c == '\u000B' || c == '\f';
    }

    private static boolean isAlpha(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isAlnum(char c) {
        return isAlpha(c) || (c >= '0' && c <= '9');
    }
}
