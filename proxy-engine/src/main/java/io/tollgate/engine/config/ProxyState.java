package io.tollgate.engine.config;

import io.tollgate.engine.http.ErrorPageSettings;
import io.tollgate.engine.http.ErrorPages;
import io.tollgate.engine.persist.CookieSettings;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A {@code defaults}, {@code frontend}, {@code backend} or {@code listen} section while it is
 * being parsed. A proxy starts as a copy of its defaults section ({@link #inherit}); like
 * HAProxy, it only takes the settings its capabilities can use (a backend does not inherit
 * {@code default_backend}, a frontend does not inherit {@code balance}).
 */
final class ProxyState {
    final String name;
    /** Null for a defaults section, which has every capability. */
    final ProxyKind kind;
    /** The section keyword: "defaults", "frontend", "backend" or "listen". */
    final String section;
    final Source source;
    final ConfigEnvironment environment;

    int id;
    Source idSource;
    ProxyMode mode = ProxyMode.TCP;
    final List<BindConfig> binds = new ArrayList<>();
    String defaultBackend;
    Source defaultBackendSource;
    String balance;
    String hashType = "map-based";
    List<String> balanceArgs = List.of();
    Timeouts timeouts = Timeouts.NONE;
    /** What the defaults section gave, to warn when a timeout is set twice in this section. */
    Timeouts inheritedTimeouts = Timeouts.NONE;
    int maxconn;
    int fullconn;
    int retries = 3;
    final Set<String> options = new LinkedHashSet<>();
    HttpConnectionMode httpConnectionMode = HttpConnectionMode.KEEP_ALIVE;
    ForwardFor forwardFor;
    String cookieName;
    CookieSettings cookie;
    ServerState defaultServer = new ServerState();
    final List<ServerState> servers = new ArrayList<>();
    String description;
    /** The {@code log-tag}, or null for the global one. */
    String logTag;
    final List<Directive> acls = new ArrayList<>();
    final List<UseBackendRule> useBackends = new ArrayList<>();
    final List<Directive> httpRequestRules = new ArrayList<>();
    final List<Directive> httpResponseRules = new ArrayList<>();
    final List<Directive> tcpRequestRules = new ArrayList<>();
    final List<Directive> redirectRules = new ArrayList<>();
    final List<Directive> useServers = new ArrayList<>();
    String monitorUri;
    final List<Directive> monitorFail = new ArrayList<>();
    final List<Directive> captures = new ArrayList<>();
    Directive stickTable;
    final List<Directive> stickRules = new ArrayList<>();
    final List<Directive> stats = new ArrayList<>();
    /** True while {@link #stats} holds only what the defaults section set. */
    boolean statsInherited;
    final List<Directive> logs = new ArrayList<>();
    /** The {@code log-format} line, or null; cleared by a later {@code option *log}. */
    Directive logFormat;
    /** The {@code error-log-format} and {@code log-format-sd} lines, or null. */
    Directive errorLogFormat;
    Directive logFormatSd;
    /** Where the {@code option *log} in force was set, for the warnings about it. */
    Source logOptionSource;
    ErrorPageSettings errorPages = ErrorPageSettings.none();
    /** The check option in effect ({@code option httpchk}, ...); null for a plain TCP connect. */
    CheckDefinition healthCheck;
    HttpCheckRules httpCheck = new HttpCheckRules();
    TcpCheckRules tcpCheck = new TcpCheckRules();
    /** Replies of this section's rules that name an {@code http-errors} section, checked at the end. */
    final List<ErrorPageKeywords.PendingReply> pendingReplies = new ArrayList<>();

    private ProxyState(String name, ProxyKind kind, String section, Source source, ConfigEnvironment environment) {
        this.name = name;
        this.kind = kind;
        this.section = section;
        this.source = source;
        this.environment = environment;
    }

    /** HAProxy's built-in defaults, which apply when no defaults section precedes a proxy. */
    static ProxyState builtinDefaults(ConfigEnvironment environment) {
        return new ProxyState("", null, "defaults", null, environment);
    }

    /** A new section named {@code name} starting from this defaults section. */
    ProxyState inherit(String newName, ProxyKind newKind, String newSection, Source newSource) {
        ProxyState p = new ProxyState(newName, newKind, newSection, newSource, environment);
        p.mode = mode;
        p.timeouts = timeouts;
        p.inheritedTimeouts = timeouts;
        p.options.addAll(options);
        p.httpConnectionMode = httpConnectionMode;
        p.forwardFor = forwardFor;
        p.stats.addAll(stats);
        p.statsInherited = !stats.isEmpty();
        p.logs.addAll(logs);
        p.logFormat = logFormat;
        p.logTag = logTag;
        p.errorLogFormat = errorLogFormat;
        p.logFormatSd = logFormatSd;
        p.logOptionSource = logOptionSource;
        p.acls.addAll(acls);
        p.httpRequestRules.addAll(httpRequestRules);
        p.httpResponseRules.addAll(httpResponseRules);
        p.tcpRequestRules.addAll(tcpRequestRules);
        p.errorPages = errorPages;
        p.pendingReplies.addAll(pendingReplies);
        if (p.isFrontend()) {
            p.monitorUri = monitorUri;
            p.maxconn = maxconn;
            p.defaultBackend = defaultBackend;
            p.defaultBackendSource = defaultBackendSource;
            p.useBackends.addAll(useBackends);
        }
        if (p.isBackend()) {
            p.fullconn = fullconn;
            p.retries = retries;
            p.balance = balance;
            p.hashType = hashType;
            p.balanceArgs = balanceArgs;
            p.cookieName = cookieName;
            p.cookie = cookie;
            p.defaultServer = defaultServer.copy();
            p.healthCheck = healthCheck;
            p.httpCheck = httpCheck.copy();
            // a proxy only starts with the rules its defaults section ran
            p.tcpCheck = healthCheck instanceof TcpCheckRules.Selected ? tcpCheck.inheritedCopy() : new TcpCheckRules();
        }
        return p;
    }

    boolean isDefaults() {
        return kind == null;
    }

    boolean isAnonymousDefaults() {
        return kind == null && name.isEmpty();
    }

    boolean isFrontend() {
        return kind == null || kind.isFrontend();
    }

    boolean isBackend() {
        return kind == null || kind.isBackend();
    }

    /** HAProxy's proxy_type_str(): how messages name this section. */
    String typeWord() {
        if (kind == null) {
            return "defaults";
        }
        return switch (kind) {
            case FRONTEND -> "frontend";
            case BACKEND -> "backend";
            case LISTEN -> "proxy";
        };
    }

    ProxyConfig toConfig(int assignedId, List<ServerConfig> serverConfigs, ErrorPages pages) {
        return new ProxyConfig(name, kind, assignedId, mode, List.copyOf(binds),
                kind.isFrontend() ? defaultBackend : null,
                kind.isBackend() ? (balance == null ? "roundrobin" : balance) : null,
                kind.isBackend() ? List.copyOf(balanceArgs) : List.of(),
                timeouts, kind.isFrontend() ? maxconn : 0, kind.isBackend() ? fullconn : 0, retries,
                java.util.Collections.unmodifiableSet(new LinkedHashSet<>(options)), httpConnectionMode, forwardFor,
                kind.isBackend() ? cookieName : null, serverConfigs, source, description,
                List.copyOf(acls), kind.isFrontend() ? List.copyOf(useBackends) : List.of(),
                List.copyOf(httpRequestRules), List.copyOf(stats), List.copyOf(logs), hashType,
                new ProxyRules(List.copyOf(httpResponseRules), List.copyOf(tcpRequestRules), List.copyOf(redirectRules),
                        kind.isBackend() ? List.copyOf(useServers) : List.of(),
                        kind.isFrontend() ? monitorUri : null, kind.isFrontend() ? List.copyOf(monitorFail) : List.of(),
                        List.copyOf(captures), stickTable,
                        kind.isBackend() && mode == ProxyMode.HTTP ? cookie : null,
                        kind.isBackend() ? List.copyOf(stickRules) : List.of(),
                        kind.isBackend() ? healthCheckDefinition() : null,
                        kind.isFrontend() ? logFormat : null, kind.isFrontend() ? errorLogFormat : null,
                        kind.isFrontend() ? logFormatSd : null), pages, logTag);
    }

    /** The check the servers run: the selected option, completed by its rules. */
    CheckDefinition healthCheckDefinition() {
        if (healthCheck instanceof TcpCheckRules.Selected) {
            return tcpCheck.definition();
        }
        return healthCheck instanceof HttpCheckRules.Selected selected ? httpCheck.definition(selected) : healthCheck;
    }
}
