package io.tollgate.console.stats;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks that a page's elements nest: every element that HTML closes is closed, in order (void
 * elements such as {@code <br>} and {@code <input>} excepted, the text of {@code <script>} and
 * {@code <style>} skipped). Enough to see a template or an escaped value break the structure (tests).
 */
public final class HtmlTags {
    private static final Set<String> VOID = Set.of("area", "base", "br", "col", "embed", "hr", "img", "input", "link",
            "meta", "source", "track", "wbr");
    private static final Pattern TAG = Pattern.compile("<(/?)([a-zA-Z][a-zA-Z0-9]*)[^>]*>|<!--.*?-->|<!DOCTYPE[^>]*>",
            Pattern.DOTALL);

    private HtmlTags() {
    }

    /** Null when every element nests, else where the first one does not. */
    public static String mismatch(String html) {
        Deque<String> open = new ArrayDeque<>();
        Matcher m = TAG.matcher(html);
        int from = 0;
        while (m.find(from)) {
            from = m.end();
            String name = m.group(2);
            if (name == null) {
                continue; // a comment or the doctype
            }
            name = name.toLowerCase();
            if (m.group(1).isEmpty()) {
                if (name.equals("script") || name.equals("style")) {
                    int end = html.indexOf("</" + name + ">", from);
                    if (end < 0) {
                        return "<" + name + "> never closed";
                    }
                    from = end + name.length() + 3;
                } else if (!VOID.contains(name)) {
                    open.push(name);
                }
            } else if (open.isEmpty() || !open.pop().equals(name)) {
                return "</" + name + "> at " + m.start() + " closes nothing open: "
                        + html.substring(Math.max(0, m.start() - 200), m.start());
            }
        }
        return open.isEmpty() ? null : "never closed: " + open;
    }
}
