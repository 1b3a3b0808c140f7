package io.tollgate.engine.tls;

import java.util.ArrayList;
import java.util.List;

/**
 * An {@code alpn} list ({@code h2,http/1.1}) as the protocols Tollgate may really speak: it
 * relays HTTP/1.x only, so {@code h2} and {@code h3} are dropped, and the caller warns with
 * {@link Parsed#dropped()}.
 */
public final class Alpn {
    private static final List<String> NOT_SPOKEN = List.of("h2", "h3", "h2c", "spdy/3.1", "spdy/3", "spdy/2");

    private Alpn() {
    }

    /** {@code offered}: what Tollgate advertises, in order; {@code dropped}: what it removed. */
    public record Parsed(List<String> offered, List<String> dropped) {
    }

    /**
     * @throws IllegalArgumentException with HAProxy's message for an empty list or a name over 255 bytes
     */
    public static Parsed parse(String list) {
        if (list.isEmpty()) {
            throw new IllegalArgumentException("'alpn' : missing the comma-delimited ALPN protocol suite");
        }
        List<String> offered = new ArrayList<>();
        List<String> dropped = new ArrayList<>();
        for (String name : list.split(",", -1)) {
            if (name.length() > 255) {
                throw new IllegalArgumentException("'alpn' : ALPN protocol name too long : '" + name + "'");
            }
            if (NOT_SPOKEN.contains(name)) {
                dropped.add(name);
            } else if (!name.isEmpty() && !offered.contains(name)) {
                offered.add(name);
            }
        }
        return new Parsed(List.copyOf(offered), List.copyOf(dropped));
    }
}
