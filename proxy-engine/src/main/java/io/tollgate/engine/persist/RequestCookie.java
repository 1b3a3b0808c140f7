package io.tollgate.engine.persist;

/**
 * What a request's persistence cookie said, as {@link CookiePersistence#onRequest} found it; the
 * response side needs it back.
 *
 * @param value     the server part of the cookie (before {@code |} dates, or before {@code ~} in
 *                  prefix mode) when {@code state} is {@link State#FOUND}, otherwise null
 * @param state     what became of the cookie
 * @param lastSeen  the "last seen" date it carried, epoch seconds, 0 if none or expired
 * @param firstSeen the "first seen" date it carried, epoch seconds, 0 if none or expired
 */
public record RequestCookie(String value, State state, long lastSeen, long firstSeen) {
    /** No persistence cookie in the request. */
    public static final RequestCookie NONE = new RequestCookie(null, State.NONE, 0, 0);

    public RequestCookie {
        if ((value != null) != (state == State.FOUND)) {
            throw new IllegalArgumentException("a value goes with FOUND and only with it (got " + state + ")");
        }
    }

    /**
     * The client asked for this server and got it: HAProxy's {@code SF_DIRECT}. False for a
     * server without a cookie value.
     */
    public boolean isFor(String serverCookie) {
        return value != null && value.equals(serverCookie);
    }

    /**
     * HAProxy's client-side cookie states: the first of the two cookie characters of the
     * {@code %tsc} log field.
     */
    public enum State {
        /** {@code N}: no persistence cookie. */
        NONE('N'),
        /**
         * {@code V}: a value to look servers up with; the caller turns it into {@code I} (no
         * such server) or {@code D} (the server is down) when the value did not serve.
         */
        FOUND('V'),
        /** {@code I}: empty, or refused by the caller's server lookup. */
        INVALID('I'),
        /** {@code E}: older than {@code maxidle} (or dated over a day ahead); ignored. */
        EXPIRED('E'),
        /** {@code O}: first seen longer than {@code maxlife} ago (or over a day ahead); ignored. */
        OLD('O');

        private final char logChar;

        State(char logChar) {
            this.logChar = logChar;
        }

        public char logChar() {
            return logChar;
        }
    }
}
