package io.tollgate.engine.net;

import io.netty.channel.Channel;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.tollgate.engine.acl.RequestView;

import java.net.InetAddress;
import java.util.List;

/**
 * What ACLs see of an HTTP request: Netty's parsed head and the client connection. The path and
 * query are cut from the URI only when an ACL asks for them.
 */
final class HttpRequestView implements RequestView {
    private final HttpRequest request;
    /** The addresses and ports, read as for a TCP connection. */
    private final ConnectionView connection;
    private String path;
    private String query;
    private boolean split;
    /** Set by the rules: variables, and the response while {@code http-response} rules run. */
    private Variables variables;
    private HttpResponse response;
    /** The proxy whose rules run now: {@code nbsrv} without a name reads it. */
    private io.tollgate.engine.runtime.Proxy current;
    /** This request's stick counters (and its connection's), or null when nothing tracks. */
    private StickCounters counters;

    HttpRequestView(HttpRequest request, Channel client) {
        this.request = request;
        this.connection = new ConnectionView(client);
    }

    @Override
    public String method() {
        return request.method().name();
    }

    @Override
    public String uri() {
        return request.uri();
    }

    @Override
    public String path() {
        splitUri();
        return path;
    }

    @Override
    public String query() {
        splitUri();
        return query;
    }

    @Override
    public List<String> headers(String name) {
        return request.headers().getAll(name);
    }

    @Override
    public String version() {
        // HAProxy's req.ver is "1.0" or "1.1", without the protocol name
        return request.protocolVersion().majorVersion() + "." + request.protocolVersion().minorVersion();
    }

    @Override
    public InetAddress source() {
        return connection.source();
    }

    @Override
    public int sourcePort() {
        return connection.sourcePort();
    }

    @Override
    public int destinationPort() {
        return connection.destinationPort();
    }

    @Override
    public boolean isTls() {
        return connection.isTls();
    }

    @Override
    public String variable(String name) {
        return variables == null ? null : variables.get(name);
    }

    @Override
    public int status() {
        return response == null ? 0 : response.status().code();
    }

    @Override
    public List<String> responseHeaders(String name) {
        return response == null ? List.of() : response.headers().getAll(name);
    }

    @Override
    public int usableServers(String backend) {
        io.tollgate.engine.runtime.Proxy p = backend == null ? current : current == null ? null : current.peer(backend);
        return p == null || !p.isBackend() ? 0 : p.usableServers();
    }

    void rewriteAddress(boolean source, InetAddress address, int port) {
        connection.rewriteAddress(source, address, port);
    }

    void current(io.tollgate.engine.runtime.Proxy proxy) {
        this.current = proxy;
    }

    @Override
    public io.tollgate.engine.acl.StickContext stickContext() {
        return counters;
    }

    @Override
    public io.tollgate.engine.auth.Userlist userlist(String name) {
        return current == null ? null : current.userlist(name);
    }

    void counters(StickCounters c) {
        this.counters = c;
    }

    void variables(Variables v) {
        this.variables = v;
    }

    void response(HttpResponse r) {
        this.response = r;
    }

    /** The request line was rewritten: the path and query are cut again when next asked for. */
    void requestLineChanged() {
        split = false;
    }

    /** HAProxy's path: from the first '/' after an absolute-form authority, up to the '?'. */
    private void splitUri() {
        if (split) {
            return;
        }
        split = true;
        String uri = request.uri();
        int start = 0;
        int scheme = uri.indexOf("://");
        if (scheme > 0 && uri.charAt(0) != '/') {
            int slash = uri.indexOf('/', scheme + 3);
            start = slash < 0 ? uri.length() : slash;
        }
        int q = uri.indexOf('?', start);
        path = q < 0 ? uri.substring(start) : uri.substring(start, q);
        query = q < 0 ? null : uri.substring(q + 1);
    }
}
