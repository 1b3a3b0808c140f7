package io.tollgate.engine.net;

import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.tollgate.engine.acl.RequestView;
import io.tollgate.engine.http.ErrorPages;
import io.tollgate.engine.http.Reply;
import io.tollgate.engine.rules.HttpRule;
import io.tollgate.engine.rules.HttpTransaction;
import io.tollgate.engine.rules.ReplyKind;
import io.tollgate.engine.rules.Verdict;
import io.tollgate.engine.runtime.Proxy;
import io.tollgate.engine.runtime.Server;
import io.tollgate.engine.runtime.TrafficRules;

import java.net.InetAddress;
import java.util.List;

/**
 * The rules' view of one {@link HttpExchange}: runs a proxy's {@code http-request} rules (then
 * its {@code redirect}s) on the request head, or its {@code http-response} rules on the response
 * head, and records the reply a rule decided for the exchange to deliver. Failed rewrites are
 * counted on the proxy whose rule failed.
 */
final class ExchangeRules implements HttpTransaction {
    private final HttpRequest request;
    private final HttpRequestView view;
    private final Variables variables;
    private final Proxy frontend;
    private final StickCounters counters;
    private Proxy backend;
    private Server server;
    private HttpResponse response;
    /** The proxy whose rules run now. */
    private Proxy current;
    private ReplyKind replyKind;
    /** The response to write, or null to close without one (reject, an empty errorfile). */
    private FullHttpResponse reply;
    private int replyStatus;
    private boolean replyCloses;

    ExchangeRules(HttpRequest request, HttpRequestView view, Variables variables, Proxy frontend,
                  StickCounters counters) {
        this.request = request;
        this.counters = counters;
        this.view = view;
        this.variables = variables;
        this.frontend = frontend;
        view.variables(variables);
    }

    /** Runs {@code proxy}'s request rules; true when one decided a reply ({@link #replyKind()}). */
    boolean onRequest(Proxy proxy) {
        TrafficRules rules = proxy.rules();
        current = proxy;
        counters.current(proxy);
        Verdict v = rules.httpRequest().isEmpty() ? Verdict.CONTINUE : HttpRule.run(rules.httpRequest(), this);
        if (v == Verdict.DONE) {
            return true;
        }
        return !rules.redirects().isEmpty() && HttpRule.run(rules.redirects(), this) == Verdict.DONE;
    }

    /** Runs {@code proxy}'s response rules on {@code resp}; true when one decided a reply. */
    boolean onResponse(Proxy proxy, HttpResponse resp, Server served) {
        List<HttpRule> rules = proxy.rules().httpResponse();
        if (rules.isEmpty()) {
            return false;
        }
        current = proxy;
        server = served;
        response = resp;
        view.response(resp);
        return HttpRule.run(rules, this) == Verdict.DONE;
    }

    void backend(Proxy selected) {
        this.backend = selected;
    }

    ReplyKind replyKind() {
        return replyKind;
    }

    FullHttpResponse takeReply() {
        FullHttpResponse r = reply;
        reply = null;
        return r;
    }

    /** The status the decided reply is counted and logged under. */
    int replyStatus() {
        return replyStatus;
    }

    /** True when the decided reply closes the client connection (400/408 pages, close-delimited files). */
    boolean replyCloses() {
        return replyCloses;
    }

    // ---- HttpTransaction ----

    @Override
    public RequestView view() {
        return view;
    }

    @Override
    public HttpRequest request() {
        return request;
    }

    @Override
    public HttpResponse response() {
        return response;
    }

    @Override
    public void requestLineChanged() {
        view.requestLineChanged();
    }

    @Override
    public void setVariable(String name, String value) {
        variables.set(name, value);
    }

    @Override
    public void reply(ReplyKind kind, FullHttpResponse r) {
        this.replyKind = kind;
        this.reply = r;
        this.replyStatus = r == null ? 0 : r.status().code();
        this.replyCloses = false;
    }

    @Override
    public void reply(ReplyKind kind, Reply r) {
        this.replyKind = kind;
        this.reply = r == null || r.isEmpty() ? null : r.response();
        this.replyStatus = r == null ? 0 : r.status();
        this.replyCloses = r != null && r.closesConnection();
    }

    @Override
    public ErrorPages errorPages() {
        return (backend != null ? backend : frontend).errorPages();
    }

    @Override
    public ErrorPages frontendErrorPages() {
        return frontend.errorPages();
    }

    @Override
    public void rewriteFailed() {
        if (current.isFrontend() && current == frontend) {
            current.frontendCounters().failedRewrites.increment();
        }
        if (current.isBackend() && current == backend) {
            current.backendCounters().failedRewrites.increment();
        }
        if (server != null && response != null) {
            server.counters().failedRewrites.increment();
        }
    }

    @Override
    public void track(int counter, String table, String key) {
        counters.track(counter, table, key, false, true);
    }

    @Override
    public String frontendName() {
        return frontend.name();
    }

    @Override
    public String backendName() {
        return backend == null ? null : backend.name();
    }

    @Override
    public String serverName() {
        return server == null ? null : server.name();
    }

    @Override
    public void rewriteAddress(boolean source, InetAddress address, int port) {
        view.rewriteAddress(source, address, port);
    }
}
