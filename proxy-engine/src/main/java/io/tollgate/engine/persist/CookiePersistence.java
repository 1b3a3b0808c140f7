package io.tollgate.engine.persist;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;

import java.util.List;
import java.util.Objects;
import java.util.function.LongSupplier;
import java.util.function.Predicate;

/**
 * A backend's cookie persistence: reads and edits the {@code Cookie} headers of requests and the
 * {@code Set-Cookie} headers of responses exactly as HAProxy 2.6 does for {@code cookie <name>
 * ...}. Which server a value names is the caller's business.
 *
 * <p>Immutable and thread-safe; calls never block. A request without a {@code Cookie} header
 * and a response needing nothing cost no allocation; headers that do not contain the name are
 * not copied. Edited headers of one name are removed and added back in their order, so they
 * move after the other headers (their relative order, the only one HTTP gives meaning to, is kept).
 *
 * <h2>One exchange</h2>
 * <pre>{@code
 * RequestCookie rc = persistence.onRequest(request.headers(), value -> byCookie.containsKey(value));
 * Server s = rc.value() != null ? byCookie.get(rc.value()) : balancer.pick(...);
 * ... forward the request, receive the response from s ...
 * ResponseCookie what = persistence.onResponse(status, request.method(), response.headers(), s.cookie(), rc);
 * }</pre>
 *
 * <h2>What HAProxy 2.6.12 was seen doing (and this does)</h2>
 * <ul>
 * <li>{@code insert}: {@code set-cookie: SRV=s1; path=/} for a client without a valid cookie for
 *     the serving server; nothing when it has one, <em>with or without</em> {@code indirect}
 *     (indirect only hides the cookie from the server). A server without a {@code cookie}
 *     value gets {@code SRV=; Expires=Thu, 01-Jan-1970 00:00:01 GMT; path=/}, which makes the
 *     client forget its cookie. Attributes follow in this order: {@code ; domain=<d>} for each
 *     domain, {@code ; HttpOnly}, {@code ; Secure}, {@code ; <attr>} for each attr. A
 *     {@code Set-Cookie} of the same name from the server is removed, unless {@code preserve},
 *     in which case it is kept and nothing is inserted.
 * <li>{@code maxidle}/{@code maxlife}: the value becomes {@code s1|<last>} or
 *     {@code s1|<last>|<first>} (see {@link CookieDate}); a valid cookie is sent again when its
 *     last date has passed (so at most every 4 seconds), when it lacks the first date
 *     {@code maxlife} needs, or when it has one {@code maxlife} does not want.
 * <li>{@code postonly}: insert only for {@code POST}. {@code nocache}: with an inserted cookie,
 *     {@code cache-control: private} is added after it when the response is cacheable (see
 *     {@link Cacheability}: a plain GET 200 without validator or expiry is not).
 * <li>Header names go out in lower case, as HAProxy's HTTP/1 output writes every name.
 * </ul>
 * Not covered: {@code ignore-persist}/{@code force-persist}/{@code option persist} (the caller's
 * lookup decides which value is usable), dynamic cookie values, {@code Set-Cookie2}.
 */
public final class CookiePersistence {
    /** What HAProxy sends for a server without a cookie value, before the domains and attributes. */
    private static final String REMOVAL = "=; Expires=Thu, 01-Jan-1970 00:00:01 GMT; path=/";

    private final CookieSettings settings;
    private final LongSupplier clock;
    /** {@code ; domain=...; HttpOnly; Secure; <attrs>}, computed once. */
    private final String attributes;
    private final String removal;

    /** With the system clock. */
    public CookiePersistence(CookieSettings settings) {
        this(settings, () -> System.currentTimeMillis() / 1000);
    }

    /** {@code epochSeconds}: the clock that dates cookies and expires them; read once per call. */
    public CookiePersistence(CookieSettings settings, LongSupplier epochSeconds) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(epochSeconds, "epochSeconds");
        StringBuilder attrs = new StringBuilder();
        for (String domain : settings.domains()) {
            attrs.append("; domain=").append(domain);
        }
        if (settings.httpOnly()) {
            attrs.append("; HttpOnly");
        }
        if (settings.secure()) {
            attrs.append("; Secure");
        }
        for (String attr : settings.attributes()) {
            attrs.append("; ").append(attr);
        }
        this.attributes = attrs.toString();
        this.removal = settings.name() + REMOVAL + attributes;
    }

    public CookieSettings settings() {
        return settings;
    }

    /** {@link #onRequest(HttpHeaders, Predicate)} taking the first non-empty, unexpired value. */
    public RequestCookie onRequest(HttpHeaders headers) {
        return onRequest(headers, value -> true);
    }

    /**
     * Finds the persistence cookie in the request's {@code Cookie} headers and edits them for the
     * server: removed in {@code insert indirect} mode, {@code <server>~} stripped in prefix mode,
     * blanks around {@code =} removed (see {@link CookieHeaderEditor}).
     *
     * @param isUsable whether a value names a server the request may go to now; HAProxy tries
     *                 each occurrence of the name in turn until one does
     */
    public RequestCookie onRequest(HttpHeaders headers, Predicate<String> isUsable) {
        if (!headers.contains(HttpHeaderNames.COOKIE)) {
            return RequestCookie.NONE;
        }
        RequestScan scan = null;
        List<String> values = headers.getAll(HttpHeaderNames.COOKIE);
        String[] edited = null;
        for (int i = 0; i < values.size(); i++) {
            String value = values.get(i);
            if (!CookieHeaderEditor.mayEdit(value, settings.name())) {
                continue;
            }
            if (scan == null) {
                scan = new RequestScan(settings, clock.getAsLong(), isUsable);
            }
            String result = CookieHeaderEditor.edit(settings, value, scan);
            if (result != value) {
                if (edited == null) {
                    edited = values.toArray(new String[0]);
                }
                edited[i] = result;
            }
        }
        if (edited != null) {
            replace(headers, HttpHeaderNames.COOKIE, edited);
        }
        return scan == null ? RequestCookie.NONE : scan.result();
    }

    /**
     * Handles the server's {@code Set-Cookie} headers and inserts the persistence cookie when
     * HAProxy would. Call it for responses that came from a server, not for locally generated ones.
     *
     * @param status       the response status; 1xx other than 101 are left alone
     * @param method       the request method ({@code postonly}, {@code nocache})
     * @param headers      the response headers, edited in place
     * @param serverCookie the {@code cookie} value of the server that answered, null if it has none
     * @param request      what {@link #onRequest} returned for this exchange
     */
    public ResponseCookie onResponse(int status, HttpMethod method, HttpHeaders headers, String serverCookie,
                                     RequestCookie request) {
        if (status < 200 && status != 101) {
            return ResponseCookie.NONE;
        }
        long now = clock.getAsLong();
        boolean direct = request.isFor(serverCookie);
        ResponseCookie outcome = ResponseCookie.NONE;
        if (headers.contains(HttpHeaderNames.SET_COOKIE)) {
            outcome = editSetCookies(headers, serverCookie, direct);
        }
        if (settings.mode() != CookieMode.INSERT
                || (outcome == ResponseCookie.FOUND && settings.preserve())
                || (direct && !needsRefresh(request, now))
                || (settings.postonly() && !HttpMethod.POST.equals(method))) {
            return outcome;
        }
        // Cacheability reads the server's headers, so it is decided before adding ours.
        boolean cacheable = settings.nocache() && Cacheability.isCacheable(method, status, headers);
        headers.add(HttpHeaderNames.SET_COOKIE, serverCookie == null ? removal
                : settings.name() + '=' + cookieValue(serverCookie, request.firstSeen(), now) + "; path=/" + attributes);
        if (cacheable) {
            // 'private' rather than no-cache="set-cookie", which old caches do not understand.
            headers.add(HttpHeaderNames.CACHE_CONTROL, "private");
        }
        return serverCookie != null && direct ? ResponseCookie.UPDATED : ResponseCookie.INSERTED;
    }

    /**
     * The value HAProxy inserts for a server: {@code serverCookie} alone, or followed by
     * {@code |<now>} when {@code maxidle} or {@code maxlife} is set and by {@code |<first>} when
     * {@code maxlife} is; {@code firstSeen} (epoch seconds, 0 for now) is kept as the client had it.
     */
    public String cookieValue(String serverCookie, long firstSeen) {
        return cookieValue(serverCookie, firstSeen, clock.getAsLong());
    }

    private String cookieValue(String serverCookie, long firstSeen, long now) {
        if (!settings.hasDates()) {
            return serverCookie;
        }
        long nowUnits = CookieDate.unitsAt(now);
        StringBuilder value = new StringBuilder(serverCookie.length() + 12).append(serverCookie).append('|');
        CookieDate.appendUnits(value, nowUnits);
        if (settings.maxLife() > 0) {
            value.append('|');
            CookieDate.appendUnits(value, firstSeen != 0 ? firstSeen >> 2 : nowUnits);
        }
        return value.toString();
    }

    /**
     * What a request carrying {@code <name>=<value>} alone would yield: the server part, the
     * dates, and whether {@code maxidle}/{@code maxlife} expire it now.
     */
    public RequestCookie evaluate(String value) {
        RequestScan scan = new RequestScan(settings, clock.getAsLong(), v -> true);
        scan.examine(value, 0, value.length());
        return scan.result();
    }

    /**
     * Whether a client that came with the right cookie must still be sent one: its last-seen
     * date is missing (under maxidle) or past, or its first-seen date is missing under maxlife
     * or present without it.
     */
    private boolean needsRefresh(RequestCookie request, long now) {
        long last = request.lastSeen();
        long first = request.firstSeen();
        return ((settings.maxIdle() > 0 || last != 0) && (last == 0 || last < now))
                || (settings.maxLife() > 0 && first == 0)
                || (settings.maxLife() == 0 && first != 0);
    }

    private ResponseCookie editSetCookies(HttpHeaders headers, String serverCookie, boolean direct) {
        SetCookieEditor editor = new SetCookieEditor(settings, serverCookie, direct);
        List<String> values = headers.getAll(HttpHeaderNames.SET_COOKIE);
        String[] edited = null;
        for (int i = 0; i < values.size(); i++) {
            String value = values.get(i);
            String result = editor.edit(value);
            if (result != value) {
                if (edited == null) {
                    edited = values.toArray(new String[0]);
                }
                edited[i] = result;
            }
        }
        if (edited != null) {
            replace(headers, HttpHeaderNames.SET_COOKIE, edited);
        }
        return editor.outcome();
    }

    /** Puts {@code values} (null ones dropped) in place of every header {@code name}. */
    private static void replace(HttpHeaders headers, CharSequence name, String[] values) {
        headers.remove(name);
        for (String value : values) {
            if (value != null) {
                headers.add(name, value);
            }
        }
    }
}
