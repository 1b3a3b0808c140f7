package io.tollgate.engine.persist;

import java.util.function.Predicate;

/**
 * One request's reading of its persistence cookies, kept across every occurrence of the name in
 * every {@code Cookie} header, as HAProxy keeps it in the transaction. Not shared: one per call.
 *
 * <p>The first occurrence whose server part is not empty, not expired and accepted by the
 * caller's lookup wins; later ones are still parsed, so their dates overwrite the earlier ones
 * exactly as in HAProxy (whose {@code cookie_last_date} and {@code cookie_first_date} are
 * per-transaction). One deviation: HAProxy would let a later expired occurrence turn the state
 * into {@code E} after a valid one already chose the server; here the state stays
 * {@link RequestCookie.State#FOUND} so that it always agrees with the value.
 */
final class RequestScan {
    /** Dates further ahead than this are a clock problem: the cookie is ignored. */
    private static final long FUTURE_TOLERANCE = 86_400;

    private final boolean prefix;
    private final long maxIdle;
    private final long maxLife;
    private final long now;
    private final Predicate<String> isUsable;

    private String value;
    private RequestCookie.State state = RequestCookie.State.NONE;
    private long lastSeen;
    private long firstSeen;

    RequestScan(CookieSettings settings, long now, Predicate<String> isUsable) {
        this.prefix = settings.mode() == CookieMode.PREFIX;
        this.maxIdle = settings.maxIdle();
        this.maxLife = settings.maxLife();
        this.now = now;
        this.isUsable = isUsable;
    }

    /**
     * Reads one occurrence whose value is {@code text[from, to)}: its dates (not in prefix mode),
     * whether it expired, whether it names a server. Returns where the server part ends: the
     * {@code '~'} in prefix mode, the first {@code '|'} otherwise, {@code to} without either, or
     * {@code from} when the occurrence is ignored because it expired.
     */
    int examine(CharSequence text, int from, int to) {
        int delim;
        if (prefix) {
            delim = indexOf(text, '~', from, to);
        } else {
            delim = indexOf(text, '|', from, to);
            if (delim < to) {
                readDates(text, delim + 1, to);
            }
        }
        if (firstSeen != 0 && maxLife != 0 && isOutside(firstSeen, maxLife)) {
            expire(RequestCookie.State.OLD);
            delim = from;
        } else if (lastSeen != 0 && maxIdle != 0 && isOutside(lastSeen, maxIdle)) {
            expire(RequestCookie.State.EXPIRED);
            delim = from;
        }
        if (value == null && delim != from) {
            String candidate = text.subSequence(from, delim).toString();
            if (isUsable.test(candidate)) {
                value = candidate;
                state = RequestCookie.State.FOUND;
                return delim;
            }
        }
        if (state == RequestCookie.State.NONE) {
            // Empty (a client that learnt the removal cookie of a server without a value) or unknown.
            state = RequestCookie.State.INVALID;
        }
        return delim;
    }

    RequestCookie result() {
        if (state == RequestCookie.State.NONE) {
            return RequestCookie.NONE;
        }
        return new RequestCookie(value, state, lastSeen, firstSeen);
    }

    /**
     * {@code at} is just after the first {@code '|'}. A date must be five valid characters and
     * not zero; HAProxy reads the last-seen date even if more characters follow it, and the
     * first-seen date after the next {@code '|'} wherever it is.
     */
    private void readDates(CharSequence text, int at, int to) {
        if (to - at >= CookieDate.LENGTH) {
            long date = CookieDate.decode(text, at);
            if (date > 0) {
                lastSeen = date;
            }
        }
        int bar = indexOf(text, '|', at, to);
        if (to - bar > CookieDate.LENGTH) {
            long date = CookieDate.decode(text, bar + 1);
            if (date > 0) {
                firstSeen = date;
            }
        }
    }

    private boolean isOutside(long date, long limit) {
        return now - date > limit || date - now > FUTURE_TOLERANCE;
    }

    private void expire(RequestCookie.State why) {
        if (value == null) {
            state = why;
        }
        lastSeen = 0;
        firstSeen = 0;
    }

    /** Index of {@code c} in {@code text[from, to)}, or {@code to}. */
    static int indexOf(CharSequence text, char c, int from, int to) {
        for (int i = from; i < to; i++) {
            if (text.charAt(i) == c) {
                return i;
            }
        }
        return to;
    }
}
