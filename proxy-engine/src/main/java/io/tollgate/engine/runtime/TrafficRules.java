package io.tollgate.engine.runtime;

import io.tollgate.engine.acl.AclException;
import io.tollgate.engine.acl.Acls;
import io.tollgate.engine.acl.Condition;
import io.tollgate.engine.acl.PatternFiles;
import io.tollgate.engine.config.Directive;
import io.tollgate.engine.config.ProxyConfig;
import io.tollgate.engine.config.ProxyRules;
import io.tollgate.engine.http.HttpErrorsSections;
import io.tollgate.engine.http.ReplyContext;
import io.tollgate.engine.rules.HttpRule;
import io.tollgate.engine.rules.HttpRules;
import io.tollgate.engine.rules.RuleException;
import io.tollgate.engine.rules.RuleSite;
import io.tollgate.engine.rules.TcpRule;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One proxy's compiled traffic rules: {@code http-request} (then {@code redirect}),
 * {@code http-response}, {@code tcp-request}, {@code use-server} and the monitor endpoint. The
 * parser has already compiled every line once, so a failure here is a bug, not bad input.
 */
public final class TrafficRules {
    public static final TrafficRules NONE = new TrafficRules(List.of(), List.of(), List.of(), List.of(), List.of(),
            null, null, List.of());

    private final List<HttpRule> httpRequest;
    private final List<HttpRule> redirects;
    private final List<HttpRule> httpResponse;
    private final List<TcpRule> tcpRequest;
    private final List<ServerRule> useServers;
    private final String monitorUri;
    private final Condition monitorFail;
    private final List<StickRule> stickRules;

    private TrafficRules(List<HttpRule> httpRequest, List<HttpRule> redirects, List<HttpRule> httpResponse,
                         List<TcpRule> tcpRequest, List<ServerRule> useServers, String monitorUri, Condition monitorFail,
                         List<StickRule> stickRules) {
        this.httpRequest = httpRequest;
        this.redirects = redirects;
        this.httpResponse = httpResponse;
        this.tcpRequest = tcpRequest;
        this.useServers = useServers;
        this.monitorUri = monitorUri;
        this.monitorFail = monitorFail;
        this.stickRules = stickRules;
    }

    /** A {@code use-server} rule with its server resolved. */
    public record ServerRule(Condition condition, Server server) {
    }

    static TrafficRules compile(Proxy proxy, HttpErrorsSections httpErrors) {
        ProxyConfig pc = proxy.config();
        ProxyRules r = pc.rules();
        boolean none = pc.httpRequestRules().isEmpty() && r.httpResponse().isEmpty() && r.tcpRequest().isEmpty()
                && r.redirects().isEmpty() && r.useServers().isEmpty() && r.monitorUri() == null
                && r.stickRules().isEmpty();
        if (none) {
            return NONE;
        }
        try {
            Acls acls = Acls.compile(pc.acls(), Path.of(""));
            // files were resolved to absolute paths and checked by the parser; warnings were reported
            String label = pc.kind().name().toLowerCase(Locale.ROOT) + " '" + pc.name() + "'";
            RuleSite site = new RuleSite(pc.name(), label, ReplyContext.of(w -> {
            }), httpErrors);
            List<HttpRule> request = new ArrayList<>();
            for (Directive d : pc.httpRequestRules()) {
                if (!d.args().get(0).equals("use-service")) {
                    at(d);
                    request.add(HttpRules.compile(d.args(), acls, site, false));
                }
            }
            List<HttpRule> redirects = new ArrayList<>();
            for (Directive d : r.redirects()) {
                at(d);
                redirects.add(HttpRules.compileRedirect(d.args(), acls));
            }
            List<HttpRule> response = new ArrayList<>();
            for (Directive d : r.httpResponse()) {
                at(d);
                response.add(HttpRules.compile(d.args(), acls, site, true));
            }
            List<TcpRule> tcp = new ArrayList<>();
            for (Directive d : r.tcpRequest()) {
                at(d);
                tcp.add(TcpRule.compile(d.args(), acls));
            }
            List<ServerRule> servers = new ArrayList<>();
            for (Directive d : r.useServers()) {
                Server s = proxy.server(d.args().get(0));
                servers.add(new ServerRule(acls.condition(d.args().subList(1, d.args().size())), s));
            }
            Condition fail = null;
            for (Directive d : r.monitorFail()) {
                Condition c = acls.condition(d.args());
                Condition before = fail;
                fail = before == null ? c : view -> before.matches(view) || c.matches(view);
            }
            List<StickRule> stick = new ArrayList<>();
            for (Directive d : r.stickRules()) {
                String table = ProxyRules.stickTableName(d.args(), proxy.name());
                stick.add(StickRule.compile(d.args(), proxy.stickTable(table), acls));
            }
            PatternFiles.at(null, 0);
            return new TrafficRules(List.copyOf(request), List.copyOf(redirects), List.copyOf(response), List.copyOf(tcp),
                    List.copyOf(servers), r.monitorUri(), fail, List.copyOf(stick));
        } catch (AclException | RuleException e) {
            throw new IllegalStateException("proxy '" + proxy.name() + "' : " + e.getMessage(), e);
        }
    }

    /** Pattern files used by the rule compiled next are listed as used at its line ({@code show acl}). */
    private static void at(Directive d) {
        PatternFiles.at(d.source() == null ? null : d.source().file(), d.source() == null ? 0 : d.source().line());
    }

    public List<HttpRule> httpRequest() {
        return httpRequest;
    }

    public List<HttpRule> redirects() {
        return redirects;
    }

    public List<HttpRule> httpResponse() {
        return httpResponse;
    }

    public List<TcpRule> tcpRequest() {
        return tcpRequest;
    }

    public List<ServerRule> useServers() {
        return useServers;
    }

    /** The backend's {@code stick} rules, in order. */
    public List<StickRule> stickRules() {
        return stickRules;
    }

    /** The {@code monitor-uri} path, or null. */
    public String monitorUri() {
        return monitorUri;
    }

    /** The {@code monitor fail} conditions (any of them), or null. */
    public Condition monitorFail() {
        return monitorFail;
    }
}
