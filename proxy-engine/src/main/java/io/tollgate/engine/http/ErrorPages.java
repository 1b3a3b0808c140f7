package io.tollgate.engine.http;

import io.netty.handler.codec.http.FullHttpResponse;

import java.util.Arrays;
import java.util.Objects;

/**
 * The error pages of one proxy, resolved: for each status HAProxy has a page for, either the
 * proxy's own ({@code errorfile}, {@code errorloc*}, {@code errorfiles}, inherited from its
 * {@code defaults} section or its own lines; see {@link ErrorPageSettings}) or the built-in one.
 * A status without a page slot uses the 500 slot, as in HAProxy.
 *
 * <p>When a stream has both a frontend and a backend, HAProxy looks in the backend first, then
 * the frontend, then the built-in pages ({@code http_error_message} in {@code src/http_ana.c}):
 * call {@link #reply(int, ErrorPages)} on the backend's pages with the frontend's. A
 * {@code listen} section passes itself, or calls {@link #reply(int)}.
 *
 * <p>Lookups allocate nothing; each {@link Reply#response()} allocates only the Netty message.
 */
public final class ErrorPages {
    private static final ErrorPages BUILT_IN = new ErrorPages(new Reply[DefaultErrorPages.CODES.size()]);
    /** Status to slot for 0..599, so a lookup neither searches nor boxes. */
    private static final int[] SLOTS = slots();

    /** By slot (position in {@link DefaultErrorPages#CODES}); null means "not set here". */
    private final Reply[] own;

    private ErrorPages(Reply[] own) {
        this.own = own;
    }

    /** HAProxy's pages and nothing else: a proxy without error settings. */
    public static ErrorPages builtIn() {
        return BUILT_IN;
    }

    static Builder builder() {
        return new Builder();
    }

    private static int[] slots() {
        int[] slots = new int[600];
        for (int status = 0; status < slots.length; status++) {
            slots[status] = DefaultErrorPages.CODES.indexOf(DefaultErrorPages.slot(status));
        }
        return slots;
    }

    private static int slot(int status) {
        return status >= 0 && status < SLOTS.length ? SLOTS[status] : SLOTS[500];
    }

    /** This proxy's page for {@code status}, else the built-in one; recorded under {@code status}. */
    public Reply reply(int status) {
        Reply r = own[slot(status)];
        return r != null ? r.withStatus(status) : DefaultErrorPages.reply(status);
    }

    /** As HAProxy picks a page for a stream: this (backend) proxy's, then the frontend's, then built-in. */
    public Reply reply(int status, ErrorPages frontend) {
        int slot = slot(status);
        Reply r = own[slot] != null ? own[slot] : frontend.own[slot];
        return r != null ? r.withStatus(status) : DefaultErrorPages.reply(status);
    }

    /**
     * A fresh response for {@code status}, sharing the page's body. Throws for a page configured
     * from an empty file, which HAProxy answers by closing: check {@code reply(status).isEmpty()}
     * where such a page is possible.
     */
    public FullHttpResponse response(int status) {
        return reply(status).response();
    }

    /** What a {@code return}/{@code deny}/{@code tarpit} rule of this proxy answers. */
    public Reply reply(ReturnReply rule) {
        return reply(rule, this);
    }

    /** As {@link #reply(ReturnReply)}, for a stream whose frontend is {@code frontend}. */
    public Reply reply(ReturnReply rule, ErrorPages frontend) {
        Reply fixed = rule.fixedReply();
        return fixed != null ? fixed : reply(rule.status(), frontend);
    }

    /** True when this proxy has its own page for {@code status}. */
    public boolean isOverridden(int status) {
        return own[slot(status)] != null;
    }

    /** Collects pages slot by slot, the later winning. */
    static final class Builder {
        private final Reply[] own = new Reply[DefaultErrorPages.CODES.size()];

        void put(int code, Reply reply) {
            own[slot(code)] = reply;
        }

        ErrorPages build() {
            return Arrays.stream(own).allMatch(Objects::isNull) ? BUILT_IN : new ErrorPages(own.clone());
        }
    }
}
