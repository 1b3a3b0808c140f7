package io.tollgate.engine.net;

import io.tollgate.engine.acl.RequestView;
import io.tollgate.engine.acl.StickContext;

import java.net.InetAddress;
import java.util.List;

/** A connection's view for {@code tcp-request} rules, with its stick counters for sc_* fetches. */
final class StickView implements RequestView {
    private final RequestView view;
    private final StickContext counters;

    StickView(RequestView view, StickContext counters) {
        this.view = view;
        this.counters = counters;
    }

    @Override
    public String method() {
        return view.method();
    }

    @Override
    public String uri() {
        return view.uri();
    }

    @Override
    public String path() {
        return view.path();
    }

    @Override
    public String query() {
        return view.query();
    }

    @Override
    public List<String> headers(String name) {
        return view.headers(name);
    }

    @Override
    public InetAddress source() {
        return view.source();
    }

    @Override
    public int sourcePort() {
        return view.sourcePort();
    }

    @Override
    public int destinationPort() {
        return view.destinationPort();
    }

    @Override
    public boolean isTls() {
        return view.isTls();
    }

    @Override
    public String version() {
        return view.version();
    }

    @Override
    public StickContext stickContext() {
        return counters;
    }
}
