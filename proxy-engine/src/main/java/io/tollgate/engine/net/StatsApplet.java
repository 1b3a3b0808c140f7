package io.tollgate.engine.net;

import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.tollgate.engine.acl.RequestView;
import io.tollgate.engine.admin.RuntimeApi;
import io.tollgate.engine.api.ProcessInfo;
import io.tollgate.engine.api.StatsPage;
import io.tollgate.engine.api.StatsPageRequest;
import io.tollgate.engine.http.AuthChallenge;
import io.tollgate.engine.http.Reply;
import io.tollgate.engine.runtime.Proxy;
import io.tollgate.engine.runtime.StatsPolicy;
import io.tollgate.engine.stats.CsvStatsWriter;
import io.tollgate.engine.stats.JsonStatsWriter;
import io.tollgate.engine.stats.StatsRegistry;
import io.tollgate.engine.stats.TypedStatsWriter;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * HAProxy's stats applet on a proxy's {@code stats uri}: access first ({@code stats http-request}
 * rules, {@code stats auth} with a 401 and {@code www-authenticate: Basic realm="..."}), then the
 * export the URL asks for ({@code ;csv}, {@code ;json}, {@code ;typed}) with its options
 * ({@link StatsQuery}), {@code cache-control: no-cache} and the {@code refresh} header of
 * {@code stats refresh} unless {@code ;norefresh}.
 */
final class StatsApplet {
    /** What the applet answers: an error page (403, 401), an export, or the HTML page being drawn. */
    record Answer(Reply page, FullHttpResponse export, CompletableFuture<String> html, String refresh,
                  StatsActions actions, long delayMillis) {
        static Answer page(Reply page) {
            return new Answer(page, null, null, null, null, 0);
        }

        static Answer export(FullHttpResponse response) {
            return new Answer(null, response, null, null, null, 0);
        }

        static Answer html(CompletableFuture<String> html, String refresh) {
            return new Answer(null, null, html, refresh, null, 0);
        }

        static Answer actions(StatsActions actions) {
            return new Answer(null, null, null, null, actions, 0);
        }

        /** The same answer, sent only after {@code millis} (a client that keeps failing to log in). */
        Answer delayed(long millis) {
            return new Answer(page, export, html, refresh, actions, millis);
        }
    }

    private final StatsRegistry registry;
    private final RuntimeApi api;
    private final Supplier<ProcessInfo> process;
    private final AuthFailures failures = new AuthFailures();
    private volatile StatsPage page;

    StatsApplet(StatsRegistry registry, RuntimeApi api, Supplier<ProcessInfo> process) {
        this.registry = registry;
        this.api = api;
        this.process = process;
    }

    private static String authorization(HttpRequest request) {
        return request.headers().get(HttpHeaderNames.AUTHORIZATION);
    }

    /** Who draws the HTML page; until one is set, page requests go on like any other. */
    void page(StatsPage page) {
        this.page = page;
    }

    /** The HTML page's response once drawn: {@code text/html}, no cache, the refresh header when asked. */
    static FullHttpResponse htmlResponse(String html, String refresh, boolean head) {
        return response("text/html", html, refresh, head);
    }

    private static FullHttpResponse response(String type, String body, String refresh, boolean head) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        FullHttpResponse r = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK,
                head ? Unpooled.EMPTY_BUFFER : Unpooled.wrappedBuffer(bytes));
        r.headers().set(HttpHeaderNames.CACHE_CONTROL, "no-cache")
                .set(HttpHeaderNames.CONTENT_TYPE, type);
        if (refresh != null) {
            r.headers().set("refresh", refresh);
        }
        r.headers().set(HttpHeaderNames.CONTENT_LENGTH, bytes.length);
        return r;
    }

    /** HAProxy intercepts GET, HEAD and POST whose target starts with the page's URI; others go on to the servers. */
    static boolean wants(Proxy proxy, HttpRequest request) {
        StatsPolicy policy = proxy.stats();
        if (policy == null) {
            return false;
        }
        HttpMethod m = request.method();
        return (m.equals(HttpMethod.GET) || m.equals(HttpMethod.HEAD) || m.equals(HttpMethod.POST))
                && request.uri().startsWith(policy.settings().uri());
    }

    /**
     * The answer to a request {@link #wants} took, or null when it asks for the HTML page and no
     * one draws it, or posts an action (not taken yet).
     *
     * @param pagesOwner the proxy whose error pages answer 401 and 403 (the stats proxy)
     * @param frontend   the stream's frontend, whose pages come next
     */
    Answer serve(Proxy serving, HttpRequest request, RequestView view, Proxy pagesOwner, Proxy frontend) {
        StatsPolicy policy = serving.stats();
        StatsPolicy.Decision decision = policy.decide(view, authorization(request));
        if (decision.access() == StatsPolicy.Access.ALLOWED && authorization(request) != null) {
            failures.succeeded(view.source());
        }
        switch (decision.access()) {
            case DENIED -> {
                return Answer.page(pagesOwner.errorPages().reply(403, frontend.errorPages()));
            }
            case CHALLENGE -> {
                Answer challenge = Answer.page(AuthChallenge.reply(pagesOwner.errorPages(), frontend.errorPages(),
                        false, decision.realm()));
                // credentials that were given and wrong: each further try from that address waits longer
                return authorization(request) == null ? challenge
                        : challenge.delayed(failures.failed(view.source()));
            }
            default -> {
            }
        }
        StatsQuery query = StatsQuery.parse(request.uri().substring(policy.settings().uri().length()));
        String authorization = request.headers().get(HttpHeaderNames.AUTHORIZATION);
        if (request.method().equals(HttpMethod.POST)) {
            StatsActions actions = new StatsActions(api, serving, policy, query, authorization, view);
            if (!actions.allowed()) {
                return Answer.export(actions.redirect("DENY"));
            }
            return Answer.actions(actions);
        }
        var snapshot = query.filter(registry.snapshot(), serving, policy.settings().scopes(),
                policy.settings().showLegends());
        String refresh = policy.settings().refreshSeconds() > 0 && !query.noRefresh()
                ? Integer.toString(policy.settings().refreshSeconds()) : null;
        boolean head = request.method().equals(HttpMethod.HEAD);
        switch (query.format()) {
            case CSV -> {
                return Answer.export(response("text/plain", new CsvStatsWriter().write(snapshot), refresh, head));
            }
            case JSON -> {
                return Answer.export(response("application/json", new JsonStatsWriter().write(snapshot), refresh,
                        head));
            }
            case TYPED -> {
                return Answer.export(response("text/plain", new TypedStatsWriter().write(snapshot), refresh, head));
            }
            default -> {
                StatsPage drawer = page;
                if (drawer == null) {
                    return null;
                }
                boolean admin = policy.isAdmin(view);
                StatsPageRequest pageRequest = new StatsPageRequest(snapshot, policy.settings(), serving.name(),
                        policy.settings().uri(), query.up(), query.noMaint(), query.noRefresh(), query.scope(),
                        query.result(), admin, policy.user(authorization), process.get(),
                        admin ? policy.csrfToken(authorization) : null);
                return Answer.html(drawer.render(pageRequest), refresh);
            }
        }
    }
}
