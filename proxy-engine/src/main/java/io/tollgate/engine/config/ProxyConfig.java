package io.tollgate.engine.config;

import io.tollgate.engine.http.ErrorPages;

import java.util.List;
import java.util.Set;

/**
 * A {@code frontend}, {@code backend} or {@code listen} section after its {@code defaults} were
 * applied.
 *
 * <ul>
 *   <li>{@code id}: the proxy's numeric id ({@code iid}); auto-assigned in declaration order
 *       starting at 2, as HAProxy 2.6 does (its internal CLI proxy takes 1), unless {@code id}
 *       is given.</li>
 *   <li>{@code maxconn}: the frontend's session limit, 0 when not set (then the global
 *       {@code maxconn} applies).</li>
 *   <li>{@code fullconn}: backend {@code fullconn}; 0 when not set.</li>
 *   <li>{@code balance}: the algorithm keyword as written ({@code roundrobin}, ...),
 *       {@code balanceArgs} its arguments.</li>
 *   <li>{@code options}: the enabled boolean {@code option}s by keyword (e.g. {@code redispatch},
 *       {@code httplog}); {@code forwardFor} is null unless {@code option forwardfor} is on.</li>
 *   <li>{@code cookieName}: the {@code cookie} keyword's name, null if none.</li>
 *   <li>{@code description}: the {@code description} text, null if none.</li>
 *   <li>{@code acls}: the {@code acl} lines as words (name first), in order; {@code useBackends}
 *       the {@code use_backend} rules; both kept for the content-switching issue.</li>
 *   <li>{@code httpRequestRules}: the {@code http-request} rules Tollgate runs (args from the
 *       action on), in order, {@code use-service prometheus-exporter} included; actions it does
 *       not run are refused or warned about by the parser, so nothing here is silently dropped.</li>
 *   <li>{@code stats}: the {@code stats} lines (uri, auth, realm, admin, ...), kept for the stats
 *       page; {@code logs}: the {@code log} lines ({@code log global} included), empty after
 *       {@code no log}.</li>
 *   <li>{@code rules}: the other traffic rules ({@code http-response}, {@code tcp-request},
 *       {@code redirect}, {@code use-server}, {@code monitor-uri}, captures).</li>
 *   <li>{@code hashType}: {@code hash-type map-based|consistent} (the function, if given, is
 *       kept after a space), {@code map-based} by default.</li>
 *   <li>{@code errorPages}: the pages of {@code errorfile}, {@code errorloc*} and
 *       {@code errorfiles}, inherited from the defaults section, resolved.</li>
 *   <li>{@code logTag}: the {@code log-tag} of the section or its defaults, null for the
 *       global one.</li>
 * </ul>
 */
public record ProxyConfig(String name, ProxyKind kind, int id, ProxyMode mode,
                          List<BindConfig> binds, String defaultBackend,
                          String balance, List<String> balanceArgs,
                          Timeouts timeouts, int maxconn, int fullconn, int retries,
                          Set<String> options, HttpConnectionMode httpConnectionMode,
                          ForwardFor forwardFor, String cookieName,
                          List<ServerConfig> servers, Source source,
                          String description, List<Directive> acls, List<UseBackendRule> useBackends,
                          List<Directive> httpRequestRules, List<Directive> stats, List<Directive> logs,
                          String hashType, ProxyRules rules, ErrorPages errorPages, String logTag) {

    /** The original shape, kept so that code written before the rule lists existed compiles. */
    public ProxyConfig(String name, ProxyKind kind, int id, ProxyMode mode,
                       List<BindConfig> binds, String defaultBackend,
                       String balance, List<String> balanceArgs,
                       Timeouts timeouts, int maxconn, int fullconn, int retries,
                       Set<String> options, HttpConnectionMode httpConnectionMode,
                       ForwardFor forwardFor, String cookieName,
                       List<ServerConfig> servers, Source source) {
        this(name, kind, id, mode, binds, defaultBackend, balance, balanceArgs, timeouts, maxconn,
                fullconn, retries, options, httpConnectionMode, forwardFor, cookieName, servers, source,
                null, List.of(), List.of(), List.of(), List.of(), List.of(), "map-based", ProxyRules.NONE,
                ErrorPages.builtIn(), null);
    }

    /** The shape before {@link ProxyRules} existed. */
    public ProxyConfig(String name, ProxyKind kind, int id, ProxyMode mode,
                       List<BindConfig> binds, String defaultBackend,
                       String balance, List<String> balanceArgs,
                       Timeouts timeouts, int maxconn, int fullconn, int retries,
                       Set<String> options, HttpConnectionMode httpConnectionMode,
                       ForwardFor forwardFor, String cookieName,
                       List<ServerConfig> servers, Source source,
                       String description, List<Directive> acls, List<UseBackendRule> useBackends,
                       List<Directive> httpRequestRules, List<Directive> stats, List<Directive> logs,
                       String hashType) {
        this(name, kind, id, mode, binds, defaultBackend, balance, balanceArgs, timeouts, maxconn, fullconn, retries,
                options, httpConnectionMode, forwardFor, cookieName, servers, source, description, acls, useBackends,
                httpRequestRules, stats, logs, hashType, ProxyRules.NONE, ErrorPages.builtIn(), null);
    }

    public boolean hasOption(String option) {
        return options.contains(option);
    }
}
