package io.tollgate.engine.config;

import io.tollgate.engine.persist.CookieSettings;

import java.util.List;

import static io.tollgate.engine.config.Capabilities.backend;
import static io.tollgate.engine.config.Capabilities.frontend;
import static io.tollgate.engine.config.Capabilities.notInDefaults;

/**
 * The keyword table of {@code defaults}, {@code frontend}, {@code backend} and {@code listen}
 * sections, assembled from the keyword families, and the family of plain proxy settings
 * ({@code mode}, {@code default_backend}, {@code maxconn}, {@code fullconn}, {@code retries},
 * {@code id}, {@code description}, {@code cookie}, {@code enabled}).
 */
final class ProxyKeywords {
    static final KeywordTable<ProxyState> TABLE = table();

    private ProxyKeywords() {
    }

    private static KeywordTable<ProxyState> table() {
        KeywordTable<ProxyState> t = new KeywordTable<>();
        register(t);
        TimeoutKeywords.register(t);
        BindKeywords.register(t);
        ServerKeywords.register(t);
        OptionKeywords.register(t);
        BalanceKeywords.register(t);
        LogKeywords.register(t);
        LogTagKeywords.register(t);
        LogFormatKeywords.register(t);
        StatsKeywords.register(t);
        SwitchingKeywords.register(t);
        RuleKeywords.register(t);
        RedirectKeyword.register(t);
        MonitorKeywords.register(t);
        CaptureKeywords.register(t);
        StickTableKeyword.register(t);
        StickKeywords.register(t);
        ErrorPageKeywords.register(t);
        HttpCheckKeywords.register(t);
        TcpCheckKeywords.register(t);
        ProxyUnsupportedKeywords.register(t);
        return t;
    }

    private static void register(KeywordTable<ProxyState> t) {
        t.add("mode", ProxyKeywords::mode);
        t.add("default_backend", frontend(ProxyKeywords::defaultBackend));
        t.add("maxconn", frontend((line, proxy, problems) -> {
            Args.atMost(line, 1);
            proxy.maxconn = Args.integer(line, 1, "maxconn", 0, Integer.MAX_VALUE);
        }, " Maybe you want 'fullconn' instead ?"));
        t.add("fullconn", backend((line, proxy, problems) -> {
            Args.atMost(line, 1);
            proxy.fullconn = Args.integer(line, 1, "fullconn", 0, Integer.MAX_VALUE);
        }, " Maybe you want 'maxconn' instead ?"));
        t.add("retries", backend((line, proxy, problems) -> {
            Args.atMost(line, 1);
            proxy.retries = Args.integer(line, 1, "retries", 0, Integer.MAX_VALUE);
        }));
        t.add("id", notInDefaults(ProxyKeywords::id));
        t.add("description", notInDefaults((line, proxy, problems) -> {
            if (!line.has(1)) {
                throw new KeywordException("'description' expects a string argument.");
            }
            proxy.description = line.joined(1);
        }));
        t.add("cookie", backend(ProxyKeywords::cookie));
        // 'enabled' only undoes an inherited 'disabled', which Tollgate refuses anyway.
        t.add("enabled", (line, proxy, problems) -> Args.atMost(line, 0));
    }

    private static void mode(Line line, ProxyState proxy, Problems problems) throws KeywordException {
        Args.atMost(line, 1);
        proxy.mode = switch (line.arg(1)) {
            case "http" -> ProxyMode.HTTP;
            case "tcp" -> ProxyMode.TCP;
            case "health" -> throw new KeywordException(
                    "'mode health' doesn't exist anymore. Please use 'http-request return status 200' instead.");
            default -> throw new KeywordException("unknown proxy mode '" + line.arg(1) + "'.");
        };
    }

    private static void defaultBackend(Line line, ProxyState proxy, Problems problems) throws KeywordException {
        if (line.arg(1).isEmpty()) {
            throw new KeywordException("'default_backend' expects a backend name.");
        }
        Args.atMost(line, 1);
        proxy.defaultBackend = line.arg(1);
        proxy.defaultBackendSource = line.source();
    }

    private static void id(Line line, ProxyState proxy, Problems problems) throws KeywordException {
        Args.atMost(line, 1);
        if (line.arg(1).isEmpty()) {
            throw new KeywordException("'id' expects an integer argument.");
        }
        long value;
        try {
            value = Long.parseLong(line.arg(1));
        } catch (NumberFormatException e) {
            throw new KeywordException("'id' expects an integer argument (got '" + line.arg(1) + "').");
        }
        if (value <= 0 || value > Integer.MAX_VALUE) {
            throw new KeywordException("custom id has to be > 0 (got '" + line.arg(1) + "').");
        }
        proxy.id = (int) value;
        proxy.idSource = line.source();
    }

    /**
     * {@code cookie <name> [rewrite|insert|prefix] [indirect] [nocache] ... [domain <d>]*}, checked
     * by {@link CookieSettings#parse}, whose warnings (a domain without a dot, ...) keep the line.
     */
    private static void cookie(Line line, ProxyState proxy, Problems problems) throws KeywordException {
        try {
            proxy.cookie = CookieSettings.parse(line.from(1), warning -> problems.warn(line.source(), warning));
        } catch (IllegalArgumentException e) {
            throw new KeywordException(e.getMessage());
        }
        proxy.cookieName = proxy.cookie.name();
    }
}
