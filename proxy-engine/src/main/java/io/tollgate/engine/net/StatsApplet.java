package io.tollgate.engine.net;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.tollgate.engine.acl.RequestView;
import io.tollgate.engine.http.AuthChallenge;
import io.tollgate.engine.http.Reply;
import io.tollgate.engine.runtime.Proxy;
import io.tollgate.engine.runtime.StatsPolicy;
import io.tollgate.engine.stats.CsvStatsWriter;
import io.tollgate.engine.stats.JsonStatsWriter;
import io.tollgate.engine.stats.StatsRegistry;
import io.tollgate.engine.stats.TypedStatsWriter;

import java.nio.charset.StandardCharsets;

/**
 * HAProxy's stats applet on a proxy's {@code stats uri}: access first ({@code stats http-request}
 * rules, {@code stats auth} with a 401 and {@code www-authenticate: Basic realm="..."}), then the
 * export the URL asks for ({@code ;csv}, {@code ;json}, {@code ;typed}) with its options
 * ({@link StatsQuery}), {@code cache-control: no-cache} and the {@code refresh} header of
 * {@code stats refresh} unless {@code ;norefresh}.
 */
final class StatsApplet {
    /** What the applet answers: an error page (403, 401) or an export. */
    record Answer(Reply page, FullHttpResponse export) {
        int status() {
            return page != null ? page.status() : 200;
        }
    }

    private final StatsRegistry registry;

    StatsApplet(StatsRegistry registry) {
        this.registry = registry;
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
     * The answer to a request {@link #wants} took, or null when it asks for the HTML page, which
     * the engine does not draw.
     *
     * @param pagesOwner the proxy whose error pages answer 401 and 403 (the stats proxy)
     * @param frontend   the stream's frontend, whose pages come next
     */
    Answer serve(Proxy serving, HttpRequest request, RequestView view, Proxy pagesOwner, Proxy frontend) {
        StatsPolicy policy = serving.stats();
        StatsPolicy.Decision decision = policy.decide(view, request.headers().get(HttpHeaderNames.AUTHORIZATION));
        switch (decision.access()) {
            case DENIED -> {
                return new Answer(pagesOwner.errorPages().reply(403, frontend.errorPages()), null);
            }
            case CHALLENGE -> {
                return new Answer(AuthChallenge.reply(pagesOwner.errorPages(), frontend.errorPages(), false,
                        decision.realm()), null);
            }
            default -> {
            }
        }
        StatsQuery query = StatsQuery.parse(request.uri().substring(policy.settings().uri().length()));
        if (query.format() == StatsQuery.Format.HTML || request.method().equals(HttpMethod.POST)) {
            return null;
        }
        var snapshot = query.filter(registry.snapshot(), serving.name(), policy.settings().scopes());
        String body;
        String type;
        switch (query.format()) {
            case CSV -> {
                body = new CsvStatsWriter().write(snapshot);
                type = "text/plain";
            }
            case JSON -> {
                body = new JsonStatsWriter().write(snapshot);
                type = "application/json";
            }
            default -> {
                body = new TypedStatsWriter().write(snapshot);
                type = "text/plain";
            }
        }
        ByteBuf content = request.method().equals(HttpMethod.HEAD) ? Unpooled.EMPTY_BUFFER
                : Unpooled.copiedBuffer(body, StandardCharsets.UTF_8);
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK, content);
        response.headers().set(HttpHeaderNames.CACHE_CONTROL, "no-cache")
                .set(HttpHeaderNames.CONTENT_TYPE, type);
        if (policy.settings().refreshSeconds() > 0 && !query.noRefresh()) {
            response.headers().set("refresh", policy.settings().refreshSeconds());
        }
        response.headers().set(HttpHeaderNames.CONTENT_LENGTH,
                request.method().equals(HttpMethod.HEAD) ? body.getBytes(StandardCharsets.UTF_8).length : content.readableBytes());
        return new Answer(null, response);
    }
}
