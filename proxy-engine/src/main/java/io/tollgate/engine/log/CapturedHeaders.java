package io.tollgate.engine.log;

import io.tollgate.engine.config.Directive;
import io.tollgate.engine.config.ProxyConfig;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@code capture request header} and {@code capture response header} lines of a frontend,
 * in declaration order (the order of {@code %hr}/{@code %hs}), with their lengths.
 */
public final class CapturedHeaders {
    private CapturedHeaders() {
    }

    /** One capture: the header name and how many characters of its value are kept. */
    public record Capture(String name, int length) {
    }

    public static List<Capture> requestNames(ProxyConfig c) {
        return of(c, "request");
    }

    public static List<Capture> responseNames(ProxyConfig c) {
        return of(c, "response");
    }

    private static List<Capture> of(ProxyConfig c, String side) {
        List<Capture> all = new ArrayList<>();
        for (Directive d : c.rules().captures()) {
            // args: request|response header <name> len <n>
            if (d.args().get(0).equals(side)) {
                all.add(new Capture(d.args().get(2), Integer.parseInt(d.args().get(4))));
            }
        }
        return List.copyOf(all);
    }

    /**
     * The captured value as HAProxy keeps it: the last occurrence of the header, cut at the
     * capture's length; null when the header is absent.
     */
    public static String value(List<String> values, int length) {
        if (values.isEmpty()) {
            return null;
        }
        String v = values.get(values.size() - 1);
        return v.length() > length ? v.substring(0, length) : v;
    }
}
