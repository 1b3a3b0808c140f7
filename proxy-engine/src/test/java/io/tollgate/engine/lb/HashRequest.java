package io.tollgate.engine.lb;

import io.tollgate.engine.acl.RequestView;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/** A RequestView for the hash balancers' tests: {@code get("/a?b=1").header("Host", "x").from("10.0.0.1")}. */
final class HashRequest implements RequestView {
    HashRequest() {
    }

    private String uri;
    private final List<String[]> headers = new ArrayList<>();
    private InetAddress source;

    static HashRequest get(String uri) {
        HashRequest r = new HashRequest();
        r.uri = uri;
        return r;
    }

    /** A TCP connection from {@code address}: no URI, no headers. */
    static HashRequest tcp(String address) {
        return new HashRequest().from(address);
    }

    HashRequest header(String name, String value) {
        headers.add(new String[] {name, value});
        return this;
    }

    HashRequest from(String address) {
        try {
            source = InetAddress.getByName(address);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
        return this;
    }

    @Override
    public String method() {
        return uri == null ? null : "GET";
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
        int q = uri.indexOf('?');
        return q < 0 ? uri : uri.substring(0, q);
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
            if (h[0].equalsIgnoreCase(name)) {
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
        return 40000;
    }

    @Override
    public int destinationPort() {
        return 80;
    }

    @Override
    public boolean isTls() {
        return false;
    }
}
