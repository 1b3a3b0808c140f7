package io.tollgate.engine.rules;

import java.net.InetAddress;

import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.tollgate.engine.acl.RequestView;
import io.tollgate.engine.http.ErrorPages;
import io.tollgate.engine.http.Reply;

/**
 * What rule actions may read and change of one HTTP transaction. The network layer implements
 * it over the request (and, for {@code http-response} rules, the response) head it holds.
 */
public interface HttpTransaction {
    /** What conditions and sample expressions read; it reflects every change made so far. */
    RequestView view();

    /** The request head, changed in place by header and URI actions. */
    HttpRequest request();

    /** The response head while {@code http-response} rules run, else null. */
    HttpResponse response();

    /** Call after changing the request line, so that the view reads the new one. */
    void requestLineChanged();

    /** Sets variable {@code name} ({@code txn.x}, ...), or unsets it when {@code value} is null. */
    void setVariable(String name, String value);

    /** Ends the rules with a response Tollgate builds itself (a redirect). */
    void reply(ReplyKind kind, FullHttpResponse response);

    /** Ends the rules with a prepared reply (deny, tarpit, return, auth); its status is the one counted. */
    void reply(ReplyKind kind, Reply reply);

    /**
     * The error pages HAProxy looks in first for this stream: the backend's once one is chosen,
     * the frontend's before.
     */
    ErrorPages errorPages();

    /** The frontend's error pages, looked in when {@link #errorPages()} has none for a status. */
    ErrorPages frontendErrorPages();

    /** A header rewrite could not be made (an invalid value): counted in wrew. */
    void rewriteFailed();

    /** {@code track-sc<counter>}: tracks {@code key} in {@code table} (null: the rule's proxy's table). */
    void track(int counter, String table, String key);

    /** Names for log-format aliases: the frontend, the backend (or null), the server (or null). */
    String frontendName();

    String backendName();

    String serverName();

    /**
     * {@code set-src}, {@code set-dst} and their {@code -port} forms: rewrites the client
     * connection's source ({@code source}) or destination address; a null {@code address} or a
     * negative {@code port} keeps that part. Later rules, the logs and servers at 0.0.0.0 see it.
     */
    void rewriteAddress(boolean source, InetAddress address, int port);
}
