package io.tollgate.engine.config;

/**
 * Reading numbers and checking argument counts, with HAProxy's wording. Tollgate is stricter
 * than HAProxy here on purpose: HAProxy reads {@code maxconn abc} as 0 ({@code atol}), which
 * silently removes a limit; Tollgate refuses it and names the keyword and the value.
 */
final class Args {
    private Args() {
    }

    /** An integer in [min, max] at {@code line.arg(index)}, {@code what} naming it in errors. */
    static int integer(Line line, int index, String what, long min, long max) throws KeywordException {
        return (int) number(line.arg(index), what, min, max);
    }

    static long number(String text, String what, long min, long max) throws KeywordException {
        if (text.isEmpty()) {
            throw new KeywordException("'" + what + "' expects an integer argument.");
        }
        long value;
        try {
            value = Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new KeywordException("'" + what + "' expects an integer argument (got '" + text + "').");
        }
        if (value < min || value > max) {
            throw new KeywordException("'" + what + "' expects an integer between " + min + " and " + max
                    + " (got '" + text + "').");
        }
        return value;
    }

    /** HAProxy's {@code alertif_too_many_args}: at most {@code max} words after the keyword. */
    static void atMost(Line line, int max) throws KeywordException {
        atMost(line, max, line.keyword());
    }

    static void atMost(Line line, int max, String what) throws KeywordException {
        if (line.size() > max + 1) {
            throw new KeywordException("'" + what + "' cannot handle unexpected argument '" + line.arg(max + 1) + "'.");
        }
    }

    /** The argument at {@code index}, or an error saying {@code what} expects {@code expected}. */
    static String required(Line line, int index, String what, String expected) throws KeywordException {
        String value = line.arg(index);
        if (value.isEmpty()) {
            throw new KeywordException("'" + what + "' expects " + expected + " as argument.");
        }
        return value;
    }

    /** HAProxy's {@code invalid_char}: names may hold letters, digits, '.', '_', '-' and ':'. */
    static void checkName(String kind, String name) throws KeywordException {
        for (char c : name.toCharArray()) {
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '.' || c == '_' || c == '-' || c == ':';
            if (!ok) {
                throw new KeywordException("character '" + c + "' is not permitted in '" + kind + "' name '" + name + "'.");
            }
        }
    }
}
