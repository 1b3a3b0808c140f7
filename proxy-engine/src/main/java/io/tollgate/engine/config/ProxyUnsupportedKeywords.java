package io.tollgate.engine.config;

import java.util.List;

import static io.tollgate.engine.config.Capabilities.backend;
import static io.tollgate.engine.config.Capabilities.frontend;
import static io.tollgate.engine.config.Capabilities.notInDefaults;

/**
 * The real HAProxy 2.6 proxy keywords Tollgate does not implement yet, and those HAProxy 2.6
 * itself removed. Each one is recognised, so a typo is still told apart from a known word.
 * Ignored with a warning: {@code http-error} replies, captures, compression, external
 * checks (a later issue), stick tables without rules, hashing and reuse tunables. Refused: what
 * decides where or whether traffic goes ({@code stick}, persistence, {@code source},
 * {@code disabled}, ...).
 */
final class ProxyUnsupportedKeywords {
    private static final String REMOVED_21 = "The '%s' directive is not supported anymore since HAProxy 2.1. ";

    private ProxyUnsupportedKeywords() {
    }

    static void register(KeywordTable<ProxyState> t) {
        Keyword<ProxyState> ignored = Unsupported.ignored();
        Keyword<ProxyState> refused = Unsupported.refused();
        t.addAll(List.of("declare", "compression", "http-error", "unique-id-format", "unique-id-header",
                "max-keep-alive-queue", "retry-on", "rate-limit", "email-alert",
                "external-check", "clitcpka-cnt", "clitcpka-idle", "clitcpka-intvl",
                "srvtcpka-cnt", "srvtcpka-idle", "srvtcpka-intvl"), ignored);
        t.add("hash-type", backend(ProxyUnsupportedKeywords::hashType));
        t.addAll(List.of("hash-balance-factor", "http-reuse", "http-send-name-header",
                "load-server-state-from-file", "server-state-file-name", "dynamic-cookie-key"), backend(ignored));
        t.addAll(List.of("max-session-srv-conns", "backlog"), frontend(ignored));
        t.add("filter", ProxyUnsupportedKeywords::filter);
        t.add("bind-process", (line, proxy, problems) -> problems.warn(line.source(),
                "'bind-process' has no effect, is deprecated, and will be removed in version 2.7."));

        t.addAll(List.of("force-persist", "ignore-persist"), notInDefaults(refused));
        t.addAll(List.of("dispatch"), notInDefaults(backend(refused)));
        t.addAll(List.of("source", "persist"), backend(refused));
        t.addAll(List.of("transparent", "disabled"), refused);
        t.add("use-fcgi-app", (line, proxy, problems) -> {
            if (!proxy.isBackend() || proxy.isDefaults()) {
                throw new KeywordException("'use-fcgi-app' only available in backend or listen section");
            }
            throw new KeywordException(Unsupported.refusedMessage("use-fcgi-app"));
        });

        t.add("redispatch", Unsupported.removed(
                "keyword '%s' directive is not supported anymore since HAProxy 2.1. Use 'option redispatch'."));
        t.add("monitor-net", (line, proxy, problems) -> {
            throw new KeywordException("'monitor-net' doesn't exist anymore. Please use 'http-request return status "
                    + "200 if { src " + line.arg(1) + " }' instead.");
        });
        t.add("appsession", Unsupported.removed("'%s' is not supported anymore since HAProxy 1.6."));
        t.add("grace", Unsupported.removed("the '%s' keyword is not supported any more since HAProxy version 2.5."));
        t.add("usesrc", Unsupported.removed("'usesrc' only allowed after a 'source' statement."));
        registerRemovedRegexKeywords(t);
    }

    /** The pre-2.1 regex header rewriting family, each with HAProxy 2.6's replacement hint. */
    private static void registerRemovedRegexKeywords(KeywordTable<ProxyState> t) {
        String replaceRequest = "Use 'http-request replace-path', 'http-request replace-uri' or "
                + "'http-request replace-header' instead.";
        t.addAll(List.of("cliexp", "reqrep"), Unsupported.removed(REMOVED_21 + replaceRequest));
        t.addAll(List.of("reqdel", "reqidel"), Unsupported.removed(REMOVED_21 + "Use 'http-request del-header' instead."));
        t.addAll(List.of("reqdeny", "reqideny"), Unsupported.removed(REMOVED_21 + "Use 'http-request deny' instead."));
        t.addAll(List.of("reqpass", "reqipass"), Unsupported.removed("The '%s' directive is not supported anymore since HAProxy 2.1."));
        t.addAll(List.of("reqallow", "reqiallow"), Unsupported.removed(REMOVED_21 + "Use 'http-request allow' instead."));
        t.addAll(List.of("reqtarpit", "reqitarpit"), Unsupported.removed(REMOVED_21 + "Use 'http-request tarpit' instead."));
        t.add("reqirep", Unsupported.removed(REMOVED_21 + "Use 'http-request replace-header' instead."));
        t.add("reqadd", Unsupported.removed(REMOVED_21 + "Use 'http-request add-header' instead."));
        t.addAll(List.of("srvexp", "rsprep", "rspirep"), Unsupported.removed(REMOVED_21 + "Use 'http-response replace-header' instead."));
        t.addAll(List.of("rspdel", "rspidel"), Unsupported.removed(REMOVED_21 + "Use 'http-response del-header' instead."));
        t.addAll(List.of("rspdeny", "rspideny"), Unsupported.removed(REMOVED_21 + "Use 'http-response deny' instead."));
        t.add("rspadd", Unsupported.removed(REMOVED_21 + "Use 'http-response add-header' instead."));
    }

    /** {@code filter <name> ...}: output filters are harmless to drop, the others are not. */
    private static void filter(Line line, ProxyState proxy, Problems problems) throws KeywordException {
        String name = line.arg(1);
        String label = "filter " + name;
        switch (name) {
            case "compression", "cache", "trace" -> problems.warn(line.source(), Unsupported.ignoredMessage(label));
            case "spoe", "bwlim-in", "bwlim-out", "fcgi-app", "opentracing" ->
                    throw new KeywordException(Unsupported.refusedMessage(label));
            default -> throw new KeywordException("'filter' : unknown filter '" + name + "'.");
        }
    }

    /** {@code hash-type map-based|consistent [<function> [<modifier>]]}, used by the hash algorithms. */
    private static void hashType(Line line, ProxyState proxy, Problems problems) throws KeywordException {
        String method = line.arg(1);
        if (!method.equals("map-based") && !method.equals("consistent")) {
            throw new KeywordException("'hash-type' expects 'map-based' or 'consistent' (got '" + method + "').");
        }
        List<String> rest = line.from(2);
        if (!rest.isEmpty()) {
            String function = rest.get(0);
            if (function.equals("wt6")) {
                throw new KeywordException(Unsupported.refusedMessage("hash-type " + method + " wt6"));
            }
            if (!List.of("sdbm", "djb2", "crc32").contains(function)) {
                throw new KeywordException("'hash-type' : unknown hash function '" + function
                        + "' (expects 'sdbm', 'djb2', 'crc32' or 'wt6').");
            }
            if (rest.size() > 1 && !rest.get(1).equals("avalanche")) {
                throw new KeywordException("'hash-type' : unknown modifier '" + rest.get(1) + "' (expects 'avalanche').");
            }
        }
        proxy.hashType = String.join(" ", line.from(1));
    }
}
