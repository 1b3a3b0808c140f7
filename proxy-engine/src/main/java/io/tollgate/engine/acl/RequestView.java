package io.tollgate.engine.acl;

import java.net.InetAddress;
import java.util.List;

/**
 * What ACLs may read from a request or connection. The network layer implements it over the
 * request head it has parsed; in TCP mode only the connection methods answer and the HTTP ones
 * return null (or an empty list).
 */
public interface RequestView {
    /** The method as received ("GET"), or null in TCP mode. */
    String method();

    /** The request target as received, possibly absolute-form ("http://h/p?q"), or null. */
    String uri();

    /** The path of the target without the query string, or null. */
    String path();

    /** What follows the first '?' of the target (maybe empty), or null when there is no '?'. */
    String query();

    /** Every value of the header named {@code name} (any case), one per header line, unsplit. */
    List<String> headers(String name);

    /** The client's address, or null when unknown (for example a Unix socket). */
    InetAddress source();

    int sourcePort();

    int destinationPort();

    boolean isTls();

    /**
     * The HTTP version as HAProxy's {@code req.ver} gives it ("1.0", "1.1"), or null in TCP
     * mode. HTTP implementations should override it: HTTP_1.0/HTTP_1.1 and req.ver read it.
     */
    default String version() {
        return null;
    }

    /** The value of variable {@code name} ("txn.x"), or null when it is not set. */
    default String variable(String name) {
        return null;
    }

    /** The response status while {@code http-response} rules run, else 0. */
    default int status() {
        return 0;
    }

    /** Every value of the response header {@code name}; empty before a response exists. */
    default List<String> responseHeaders(String name) {
        return List.of();
    }

    /**
     * How many servers of {@code backend} (the request's backend when null) can take traffic
     * now, or -1 when unknown ({@code nbsrv}).
     */
    default int usableServers(String backend) {
        return -1;
    }

    /** The stick counters this request tracks and the tables it may look into, or null. */
    default StickContext stickContext() {
        return null;
    }

    /** The userlist named {@code name} ({@code http_auth}), or null when there is none. */
    default io.tollgate.engine.auth.Userlist userlist(String name) {
        return null;
    }
}
