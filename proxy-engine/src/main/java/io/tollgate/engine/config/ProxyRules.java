package io.tollgate.engine.config;

import io.tollgate.engine.persist.CookieSettings;

import java.util.List;

/**
 * A proxy's traffic rules other than {@code http-request} and {@code use_backend}, as validated
 * lines (each compiles; the runtime compiles them again with the proxy's ACLs):
 * <ul>
 *   <li>{@code httpResponse}: {@code http-response} rules, args from the action on;</li>
 *   <li>{@code tcpRequest}: {@code tcp-request connection|session|content} rules, args from the
 *       rule type on;</li>
 *   <li>{@code redirects}: {@code redirect} lines, evaluated after the {@code http-request} rules;</li>
 *   <li>{@code useServers}: {@code use-server <server> if|unless <cond>};</li>
 *   <li>{@code monitorUri}: the {@code monitor-uri} path, or null; {@code monitorFail} the
 *       {@code monitor fail} conditions (args from {@code if}/{@code unless} on);</li>
 *   <li>{@code stickTable}: the {@code stick-table} line (args after the keyword), or null;</li>
 *   <li>{@code captures}: {@code capture request|response header <name> len <n>} and
 *       {@code capture cookie <name> len <n>} lines, kept for the access logs;</li>
 *   <li>{@code cookie}: the backend's {@code cookie} persistence, or null (also in TCP mode,
 *       where HAProxy ignores it);</li>
 *   <li>{@code stickRules}: {@code stick on|match|store-request|store-response} lines, args from
 *       the kind on;</li>
 *   <li>{@code logFormat}: the {@code log-format} line in force (its one argument), or null when
 *       an {@code option *log} or nothing chose the access-log format;</li>
 *   <li>{@code errorLogFormat}: the {@code error-log-format} line (connection errors such as a
 *       failed TLS handshake), or null for HAProxy's default error line;</li>
 *   <li>{@code logFormatSd}: the {@code log-format-sd} line (RFC 5424 structured data), or null.</li>
 * </ul>
 */
public record ProxyRules(List<Directive> httpResponse, List<Directive> tcpRequest, List<Directive> redirects,
                         List<Directive> useServers, String monitorUri, List<Directive> monitorFail,
                         List<Directive> captures, Directive stickTable, CookieSettings cookie,
                         List<Directive> stickRules, CheckDefinition healthCheck, Directive logFormat,
                         Directive errorLogFormat, Directive logFormatSd) {

    public static final ProxyRules NONE = new ProxyRules(List.of(), List.of(), List.of(), List.of(), null, List.of(),
            List.of(), null, null, List.of(), null, null, null, null);

    /**
     * The table a {@code stick} rule's {@code args} (kind first) name: {@code table <name>}, or
     * the rule's own proxy's when absent (a bare {@code table} included, as HAProxy reads it).
     */
    public static String stickTableName(List<String> args, String proxyName) {
        int at = args.indexOf("table");
        boolean named = at > 1 && at + 1 < args.size() && !args.get(at + 1).equals("if")
                && !args.get(at + 1).equals("unless");
        return named ? args.get(at + 1) : proxyName;
    }
}
