package io.tollgate.engine.http;

/**
 * The plain-text subset of HAProxy's log-format strings ({@code lf-string}, {@code lf-file},
 * {@code hdr} values): text is copied as is, {@code %%} is a literal '%'. Anything else after a
 * '%' ({@code %[sample]}, {@code %ci}, {@code %{+Q}r}, ...) needs the log-format engine, which the
 * replies do not have yet, so it is refused with a message that says so rather than being sent
 * verbatim to clients.
 */
final class LogFormatText {
    private LogFormatText() {
    }

    /** {@code text} with {@code %%} turned into '%'; {@code what} names the argument in the message. */
    static String plain(String what, String text) throws ReplyException {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '%') {
                out.append(c);
            } else if (i + 1 < text.length() && text.charAt(i + 1) == '%') {
                out.append('%');
                i++;
            } else {
                throw new ReplyException(what + ": log-format expressions are not supported yet in Tollgate's replies"
                        + " (found '" + expression(text, i) + "'); use plain text, with '%%' for a literal '%',"
                        + " or 'string'/'file' for a fixed payload");
            }
        }
        return out.toString();
    }

    /** The expression starting at {@code at}, for the message: {@code %[...]}, {@code %{...}xx} or {@code %xx}. */
    private static String expression(String text, int at) {
        int end = at + 1;
        if (end < text.length() && text.charAt(end) == '[') {
            int close = text.indexOf(']', end);
            end = close < 0 ? text.length() : close + 1;
        } else {
            if (end < text.length() && text.charAt(end) == '{') {
                int close = text.indexOf('}', end);
                end = close < 0 ? text.length() : close + 1;
            }
            while (end < text.length() && Character.isLetterOrDigit(text.charAt(end))) {
                end++;
            }
        }
        return text.substring(at, Math.min(end, at + 60));
    }
}
