package io.tollgate.engine.config;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.ToLongFunction;

/**
 * {@code timeout <name> <time>} ({@code proxy_parse_timeout()} in HAProxy's {@code src/proxy.c})
 * and the pre-2.1 spellings HAProxy 2.6 rejects ({@code contimeout}, {@code clitimeout},
 * {@code srvtimeout}). As in HAProxy, a timeout of the other side ({@code timeout client} in a
 * backend) is kept but warned about, and setting one twice in a section warns too.
 */
final class TimeoutKeywords {
    private enum Side { FRONTEND, BACKEND, BOTH }

    /** A timeout {@link Timeouts} models: the capability that uses it and how to read it back. */
    private record Modelled(Side side, ToLongFunction<Timeouts> value) {
    }

    private static final Map<String, Modelled> MODELLED = new LinkedHashMap<>();

    static {
        MODELLED.put("client", new Modelled(Side.FRONTEND, Timeouts::client));
        MODELLED.put("client-fin", new Modelled(Side.FRONTEND, Timeouts::clientFin));
        MODELLED.put("http-request", new Modelled(Side.BOTH, Timeouts::httpRequest));
        MODELLED.put("http-keep-alive", new Modelled(Side.BOTH, Timeouts::httpKeepAlive));
        MODELLED.put("connect", new Modelled(Side.BACKEND, Timeouts::connect));
        MODELLED.put("server", new Modelled(Side.BACKEND, Timeouts::server));
        MODELLED.put("server-fin", new Modelled(Side.BACKEND, Timeouts::serverFin));
        MODELLED.put("queue", new Modelled(Side.BACKEND, Timeouts::queue));
        MODELLED.put("check", new Modelled(Side.BACKEND, Timeouts::check));
        MODELLED.put("tunnel", new Modelled(Side.BACKEND, Timeouts::tunnel));
        MODELLED.put("tarpit", new Modelled(Side.BOTH, Timeouts::tarpit));
    }

    private static final KeywordTable<ProxyState> NAMES = names();

    private TimeoutKeywords() {
    }

    static void register(KeywordTable<ProxyState> table) {
        table.add("timeout", TimeoutKeywords::timeout);
        table.add("contimeout", Unsupported.removed(
                "the '%s' directive is not supported anymore since HAProxy 2.1. Use 'timeout connect'."));
        table.add("clitimeout", Unsupported.removed(
                "the '%s' directive is not supported anymore since HAProxy 2.1. Use 'timeout client'."));
        table.add("srvtimeout", Unsupported.removed(
                "the '%s' directive is not supported anymore since HAProxy 2.1. Use 'timeout server'."));
    }

    private static void timeout(Line line, ProxyState proxy, Problems problems) throws KeywordException {
        String name = line.arg(1);
        Keyword<ProxyState> parser = NAMES.find(name).orElseThrow(() -> new KeywordException(
                "'timeout' supports 'client', 'server', 'connect', 'check', 'queue', 'http-keep-alive', "
                        + "'http-request', 'tunnel', 'tarpit', 'client-fin' and 'server-fin' (got '" + name + "')"));
        parser.parse(line, proxy, problems);
    }

    private static KeywordTable<ProxyState> names() {
        KeywordTable<ProxyState> t = new KeywordTable<>();
        MODELLED.forEach((name, timeout) -> t.add(name, modelled(name, timeout)));
        return t;
    }

    private static Keyword<ProxyState> modelled(String name, Modelled timeout) {
        Side side = timeout.side();
        return (line, proxy, problems) -> {
            long ms = value(line);
            boolean applies = side == Side.BOTH || (side == Side.FRONTEND ? proxy.isFrontend() : proxy.isBackend());
            if (!applies) {
                problems.warn(line.source(), "'timeout " + name + "' will be ignored because " + proxy.typeWord()
                        + " '" + proxy.name + "' has no " + (side == Side.BACKEND ? "backend" : "frontend")
                        + " capability");
            } else if (timeout.value().applyAsLong(proxy.timeouts) != timeout.value().applyAsLong(proxy.inheritedTimeouts)) {
                problems.warn(line.source(), "overwriting 'timeout " + name + "' which was already specified");
            }
            proxy.timeouts = proxy.timeouts.with(name, ms);
        };
    }

    private static long value(Line line) throws KeywordException {
        String keyword = "timeout " + line.arg(1);
        if (line.arg(2).isEmpty()) {
            throw new KeywordException("'" + keyword + "' expects an integer value (in milliseconds)");
        }
        if (line.has(3)) {
            throw new KeywordException("'" + keyword + "' : unexpected extra argument '" + line.arg(3)
                    + "' after value '" + line.arg(2) + "'.");
        }
        return Units.time(line.arg(2), keyword);
    }
}
