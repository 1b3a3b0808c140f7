package io.tollgate.engine.persist;

/**
 * Handles the {@code Set-Cookie} headers of one response as HAProxy 2.6's
 * {@code http_manage_server_side_cookies()} does. Not shared: one per response.
 *
 * <p>Only the first {@code name=value} of each header counts (the rest are attributes, and an
 * {@code Expires} date holds a comma, so a {@code Set-Cookie} never lists several cookies).
 * Blanks around its {@code =} are removed whatever the name. When it is the persistence cookie:
 * <ul>
 * <li>{@code preserve}: left as the server sent it;
 * <li>insert mode, or {@code indirect} when the client came with the serving server's cookie:
 *     the whole header is removed (insert mode sets its own);
 * <li>rewrite mode: the value becomes the server's ({@code SRV=app; path=/} →
 *     {@code SRV=s1; path=/});
 * <li>prefix mode: the server's value and {@code ~} go in front ({@code SRV=s1~app; path=/});
 * <li>otherwise (passive, or a server without a cookie value) it passes untouched.
 * </ul>
 * {@code Set-Cookie2} (obsolete, dropped by HAProxy 2.8) is not looked at.
 */
final class SetCookieEditor {
    private final CookieSettings settings;
    private final String serverCookie;
    private final boolean direct;
    private ResponseCookie outcome = ResponseCookie.NONE;

    /** {@code serverCookie}: the serving server's value, null if it has none. */
    SetCookieEditor(CookieSettings settings, String serverCookie, boolean direct) {
        this.settings = settings;
        this.serverCookie = serverCookie;
        this.direct = direct;
    }

    /** What happened to the last persistence cookie seen, {@code NONE} if there was none. */
    ResponseCookie outcome() {
        return outcome;
    }

    /** The header value to send on: {@code value} itself when unchanged, null to remove the header. */
    String edit(String value) {
        int end = value.length();
        int attBeg = 0;
        while (attBeg < end && CookieHeaderEditor.isBlank(value.charAt(attBeg))) {
            attBeg++;
        }
        int equal = attBeg;
        int attEnd = attBeg;
        while (equal < end) {
            char c = value.charAt(equal);
            if (c == '=' || c == ';') {
                break;
            }
            equal++;
            if (!CookieHeaderEditor.isBlank(c)) {
                attEnd = equal;
            }
        }
        if (equal == end || value.charAt(equal) != '=') {
            return value;
        }
        int valBeg = equal + 1;
        while (valBeg < end && CookieHeaderEditor.isBlank(value.charAt(valBeg))) {
            valBeg++;
        }
        int valEnd = CookieHeaderEditor.valueEnd(value, valBeg, end);
        while (valEnd > valBeg && CookieHeaderEditor.isBlank(value.charAt(valEnd - 1))) {
            valEnd--;
        }

        String result = value;
        if (attEnd != equal || valBeg != equal + 1) {
            result = value.substring(0, attEnd) + '=' + value.substring(valBeg);
            int stripped = valBeg - (attEnd + 1);
            valBeg -= stripped;
            valEnd -= stripped;
        }
        if (attEnd - attBeg != settings.name().length() || !value.startsWith(settings.name(), attBeg)) {
            return result;
        }
        outcome = ResponseCookie.FOUND;
        if (settings.preserve()) {
            return result;
        }
        if (settings.mode() == CookieMode.INSERT || (direct && settings.indirect())) {
            outcome = ResponseCookie.DELETED;
            return null;
        }
        if (serverCookie != null && settings.mode() == CookieMode.REWRITE) {
            outcome = ResponseCookie.REPLACED;
            return result.substring(0, valBeg) + serverCookie + result.substring(valEnd);
        }
        if (serverCookie != null && settings.mode() == CookieMode.PREFIX) {
            outcome = ResponseCookie.REPLACED;
            return result.substring(0, valBeg) + serverCookie + '~' + result.substring(valBeg);
        }
        return result;
    }
}
