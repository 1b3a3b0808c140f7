package io.tollgate.engine.persist;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;

import java.util.Iterator;

/**
 * Whether HAProxy 2.6 deems a response cacheable (its {@code TX_CACHEABLE} flag), which decides
 * if {@code cookie ... nocache} adds {@code Cache-control: private} next to an inserted cookie.
 * As observed on HAProxy 2.6.12, which carries the fix making responses without freshness
 * information nor validator not cacheable (upstream 879debeec, backported to 2.4+), but not the
 * later one letting {@code s-maxage} override {@code max-age=0} (ca4fd7393, 2.9).
 *
 * <p>In order:
 * <ol>
 * <li>only {@code GET}, {@code HEAD}, {@code OPTIONS} and {@code TRACE} (RFC 7231 safe methods);
 * <li>only statuses cacheable by default: 200, 203, 204, 206, 300, 301, 404, 405, 410, 414, 501;
 * <li>the first {@code Pragma} header being {@code no-cache} (any case) settles it: not cacheable;
 * <li>each comma-separated {@code Cache-Control} value, in order, any case: {@code public} makes
 *     it cacheable again (even after a POST or a {@code private}); {@code private},
 *     {@code no-cache}, {@code no-store}, {@code max-age=0}, {@code s-maxage=0} not;
 *     {@code max-age...} or {@code s-maxage...} is freshness information;
 * <li>without freshness information in {@code Cache-Control}, an {@code Expires} header is; without
 *     it, an {@code ETag} or {@code Last-Modified} validator must exist, or it is not cacheable.
 * </ol>
 * So a plain {@code 200} to a {@code GET} with no cache headers gets no {@code Cache-control}.
 */
final class Cacheability {
    private Cacheability() {
    }

    static boolean isCacheable(HttpMethod method, int status, HttpHeaders headers) {
        boolean cacheable = (HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method)
                || HttpMethod.OPTIONS.equals(method) || HttpMethod.TRACE.equals(method))
                && isCacheableStatus(status);
        String pragma = headers.get(HttpHeaderNames.PRAGMA);
        if (pragma != null && pragma.strip().equalsIgnoreCase("no-cache")) {
            return false;
        }
        boolean fresh = false;
        Iterator<String> it = headers.valueStringIterator(HttpHeaderNames.CACHE_CONTROL);
        while (it.hasNext()) {
            String header = it.next();
            int end = header.length();
            for (int from = 0; from <= end; ) {
                int to = listItemEnd(header, from, end);
                String directive = header.substring(from, to).strip();
                if (directive.equalsIgnoreCase("public")) {
                    cacheable = true;
                } else if (directive.equalsIgnoreCase("private") || directive.equalsIgnoreCase("no-cache")
                        || directive.equalsIgnoreCase("no-store") || directive.equalsIgnoreCase("max-age=0")
                        || directive.equalsIgnoreCase("s-maxage=0")) {
                    cacheable = false;
                } else if (startsWithIgnoreCase(directive, "s-maxage") || startsWithIgnoreCase(directive, "max-age")) {
                    fresh = true;
                }
                from = to + 1;
            }
        }
        if (!fresh && !headers.contains(HttpHeaderNames.EXPIRES) && !headers.contains(HttpHeaderNames.ETAG)
                && !headers.contains(HttpHeaderNames.LAST_MODIFIED)) {
            return false;
        }
        return cacheable;
    }

    private static boolean isCacheableStatus(int status) {
        return switch (status) {
            case 200, 203, 204, 206, 300, 301, 404, 405, 410, 414, 501 -> true;
            default -> false;
        };
    }

    /** The next comma outside double quotes, or {@code end} (HAProxy's {@code http_find_hdr_value_end()}). */
    private static int listItemEnd(String s, int from, int end) {
        boolean quoted = false;
        boolean escaped = false;
        for (int i = from; i < end; i++) {
            char c = s.charAt(i);
            if (escaped) {
                escaped = false;
            } else if (quoted) {
                if (c == '\\') {
                    escaped = true;
                } else if (c == '"') {
                    quoted = false;
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                return i;
            }
        }
        return end;
    }

    private static boolean startsWithIgnoreCase(String s, String prefix) {
        return s.regionMatches(true, 0, prefix, 0, prefix.length());
    }
}
