package io.tollgate.engine.rules;

/** What a header value may contain on the wire: no CR, LF or NUL. */
final class HeaderValues {
    private HeaderValues() {
    }

    static boolean valid(String v) {
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == '\r' || c == '\n' || c == 0) {
                return false;
            }
        }
        return true;
    }
}
