package io.tollgate.engine.config;

import java.util.function.UnaryOperator;

/**
 * HAProxy's second, unquoted expansion ({@code env_expand()} in {@code src/tools.c}), which 2.6
 * applies to addresses ({@code bind ${BIND_CONFIG}}, {@code server s1 $HOST:80}) after the line
 * was tokenized. It is cruder than the quoted one: {@code $NAME} or {@code ${NAME}} with a name of
 * letters, digits and '_'; no default values; an unset variable (or a lone {@code $}) becomes
 * nothing.
 */
final class EnvExpansion {
    private EnvExpansion() {
    }

    static String expand(String text, UnaryOperator<String> env) {
        if (text.indexOf('$') < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c != '$') {
                out.append(c);
                i++;
                continue;
            }
            int nameStart = i + 1;
            boolean brace = nameStart < text.length() && text.charAt(nameStart) == '{';
            if (brace) {
                nameStart++;
            }
            int nameEnd = nameStart;
            while (nameEnd < text.length() && isNameChar(text.charAt(nameEnd))) {
                nameEnd++;
            }
            String value = nameEnd > nameStart ? env.apply(text.substring(nameStart, nameEnd)) : null;
            if (value != null) {
                out.append(value);
            }
            i = nameEnd;
            if (brace && i < text.length() && text.charAt(i) == '}') {
                i++;
            }
        }
        return out.toString();
    }

    private static boolean isNameChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    }
}
