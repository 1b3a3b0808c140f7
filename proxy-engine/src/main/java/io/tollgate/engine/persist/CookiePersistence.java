package io.tollgate.engine.persist;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;

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
 * costs no allocation; headers that do not contain the name are
 * not copied. Edited headers of one name are removed and added back in their order, so they
 * move after the other headers (their relative order, the only one HTTP gives meaning to, is kept).
 *
 * <p>The response side (inserting, rewriting, prefixing {@code Set-Cookie}) comes next.
 */
public final class CookiePersistence {
    private final CookieSettings settings;
    private final LongSupplier clock;

    /** With the system clock. */
    public CookiePersistence(CookieSettings settings) {
        this(settings, () -> System.currentTimeMillis() / 1000);
    }

    /** {@code epochSeconds}: the clock that expires cookies; read once per call. */
    public CookiePersistence(CookieSettings settings, LongSupplier epochSeconds) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(epochSeconds, "epochSeconds");
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
     * What a request carrying {@code <name>=<value>} alone would yield: the server part, the
     * dates, and whether {@code maxidle}/{@code maxlife} expire it now.
     */
    public RequestCookie evaluate(String value) {
        RequestScan scan = new RequestScan(settings, clock.getAsLong(), v -> true);
        scan.examine(value, 0, value.length());
        return scan.result();
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
