package io.tollgate.engine.rules;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * HAProxy's regex replacement for {@code replace-header}, {@code replace-path} and the like:
 * when the expression matches anywhere in the value, the whole value becomes the template, with
 * {@code \0}..{@code \9} standing for the match and its groups (the unmatched parts are not
 * kept, unlike Java's replaceFirst).
 */
final class RegexReplacement {
    private RegexReplacement() {
    }

    static Pattern compile(String regex) throws RuleException {
        try {
            return Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new RuleException("failed to parse regex '" + regex + "' : " + e.getDescription()
                    + " at position " + e.getIndex() + ".");
        }
    }

    /** The replaced value, or null when {@code pattern} does not match {@code input}. */
    static String apply(Pattern pattern, String input, String template) {
        Matcher m = pattern.matcher(input);
        if (!m.find()) {
            return null;
        }
        StringBuilder sb = new StringBuilder(template.length() + 16);
        for (int i = 0; i < template.length(); i++) {
            char c = template.charAt(i);
            if (c == '\\' && i + 1 < template.length()) {
                char n = template.charAt(i + 1);
                if (n >= '0' && n <= '9') {
                    int g = n - '0';
                    if (g <= m.groupCount() && m.group(g) != null) {
                        sb.append(m.group(g));
                    }
                    i++;
                    continue;
                }
                if (n == '\\') {
                    sb.append('\\');
                    i++;
                    continue;
                }
            }
            sb.append(c);
        }
        return sb.toString();
    }
}
