package io.tollgate.engine.acl;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A RequestView built in tests: {@code get("/a?b=1").header("Host", "x").from("10.0.0.1")}. */
final class TestRequest implements RequestView {
    private String method;
    private String uri;
    private String version = "1.1";
    private final List<String[]> headers = new ArrayList<>();
    private InetAddress source;
    private int sourcePort = 40000;
    private int destinationPort = 80;
    private boolean tls;
    private final java.util.Map<String, String> variables = new java.util.HashMap<>();

    static TestRequest get(String uri) {
        return request("GET", uri);
    }

    static TestRequest request(String method, String uri) {
        TestRequest r = new TestRequest();
        r.method = method;
        r.uri = uri;
        return r.from("192.0.2.10");
    }

    /** A TCP connection: no method, no URI, no headers. */
    static TestRequest tcp() {
        TestRequest r = new TestRequest();
        r.version = null;
        return r.from("192.0.2.10");
    }

    TestRequest header(String name, String value) {
        headers.add(new String[] {name, value});
        return this;
    }

    TestRequest from(String address) {
        try {
            source = InetAddress.getByName(address);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
        return this;
    }

    TestRequest ports(int source, int destination) {
        sourcePort = source;
        destinationPort = destination;
        return this;
    }

    TestRequest variable(String name, String value) {
        variables.put(name, value);
        return this;
    }

    @Override
    public String variable(String name) {
        return variables.get(name);
    }

    TestRequest tls() {
        tls = true;
        return this;
    }

    TestRequest version(String v) {
        version = v;
        return this;
    }

    @Override
    public String method() {
        return method;
    }

    @Override
    public String uri() {
        return uri;
    }

    @Override
    public String path() {
        if (uri == null) {
            return null;
        }
        String target = uri;
        int scheme = target.indexOf("://");
        if (scheme >= 0) {
            int slash = target.indexOf('/', scheme + 3);
            target = slash < 0 ? "" : target.substring(slash);
        }
        int q = target.indexOf('?');
        return q < 0 ? target : target.substring(0, q);
    }

    @Override
    public String query() {
        int q = uri == null ? -1 : uri.indexOf('?');
        return q < 0 ? null : uri.substring(q + 1);
    }

    @Override
    public List<String> headers(String name) {
        List<String> values = new ArrayList<>();
        for (String[] h : headers) {
            if (h[0].toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) {
                values.add(h[1]);
            }
        }
        return values;
    }

    @Override
    public InetAddress source() {
        return source;
    }

    @Override
    public int sourcePort() {
        return sourcePort;
    }

    @Override
    public int destinationPort() {
        return destinationPort;
    }

    @Override
    public boolean isTls() {
        return tls;
    }

    @Override
    public String version() {
        return version;
    }

    @Override
    public String toString() {
        return method + " " + uri + " " + headers.stream().map(h -> h[0] + ": " + h[1]).toList();
    }
}
