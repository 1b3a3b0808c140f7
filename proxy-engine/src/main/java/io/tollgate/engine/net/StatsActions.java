package io.tollgate.engine.net;

import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.tollgate.engine.acl.RequestView;
import io.tollgate.engine.admin.AccessLevel;
import io.tollgate.engine.admin.Actor;
import io.tollgate.engine.admin.RuntimeApi;
import io.tollgate.engine.runtime.Proxy;
import io.tollgate.engine.runtime.StatsPolicy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * One POST of the stats page's action form (FORMATS §7.3): {@code s=<server>&...&action=<a>&b=<backend
 * or #id>&token=<t>}, each checked server's action run through the {@link RuntimeApi} as the page's
 * user, then {@code 303 See Other} back to the page with {@code ;st=} saying how it went:
 * {@code DONE} all done, {@code PART} some, {@code ERRP} none or bad parameters, {@code NONE} no
 * server ticked, {@code DENY} without admin rights or without the page's token, {@code EXCD} a
 * form too large.
 */
final class StatsActions {
    /** HAProxy judges the form in one buffer; this is as much as Tollgate reads. */
    static final int MAX_FORM_BYTES = 16_384;

    private static final Map<String, String> COMMANDS = Map.ofEntries(
            Map.entry("ready", "set server %s state ready"), Map.entry("enable", "set server %s state ready"),
            Map.entry("start", "set server %s state ready"), Map.entry("drain", "set server %s state drain"),
            Map.entry("stop", "set server %s state drain"), Map.entry("maint", "set server %s state maint"),
            Map.entry("disable", "set server %s state maint"), Map.entry("dhlth", "disable health %s"),
            Map.entry("ehlth", "enable health %s"), Map.entry("hrunn", "set server %s health up"),
            Map.entry("hnolb", "set server %s health stopping"), Map.entry("hdown", "set server %s health down"),
            Map.entry("dagent", "disable agent %s"), Map.entry("eagent", "enable agent %s"),
            Map.entry("arunn", "set server %s agent up"), Map.entry("adown", "set server %s agent down"),
            Map.entry("shutdown", "shutdown sessions server %s"));

    private final RuntimeApi api;
    private final Proxy serving;
    private final StatsPolicy policy;
    private final StatsQuery query;
    private final String authorization;
    private final boolean admin;
    private final String from;
    private final StringBuilder form = new StringBuilder();
    private boolean tooLarge;

    StatsActions(RuntimeApi api, Proxy serving, StatsPolicy policy, StatsQuery query, String authorization,
                 RequestView view) {
        this.api = api;
        this.serving = serving;
        this.policy = policy;
        this.query = query;
        this.authorization = authorization;
        this.admin = policy.isAdmin(view);
        this.from = view.source() == null ? "" : view.source().getHostAddress() + ":" + view.sourcePort();
    }

    boolean allowed() {
        return admin;
    }

    /** Body bytes of the form as they arrive; beyond the limit the form is refused. */
    void add(io.netty.buffer.ByteBuf content) {
        if (tooLarge || form.length() + content.readableBytes() > MAX_FORM_BYTES) {
            tooLarge = true;
            return;
        }
        form.append(content.toString(StandardCharsets.ISO_8859_1));
    }

    /** The whole form arrived: runs it and answers with the redirect. */
    FullHttpResponse finish() {
        if (tooLarge) {
            return redirect("EXCD");
        }
        Map<String, List<String>> params = new QueryStringDecoder(form.toString(), StandardCharsets.UTF_8, false)
                .parameters();
        if (!policy.validToken(authorization, first(params, "token"))) {
            return redirect("DENY");
        }
        String command = COMMANDS.get(first(params, "action"));
        Proxy backend = backend(first(params, "b"));
        if (command == null || backend == null) {
            return redirect("ERRP");
        }
        List<String> servers = params.getOrDefault("s", List.of());
        if (servers.isEmpty()) {
            return redirect("NONE");
        }
        Actor actor = new Actor(user(), from, "web", AccessLevel.ADMIN);
        int done = 0;
        for (String s : servers) {
            if (backend.server(s) != null && api.execute(command.formatted(backend.name() + "/" + s), actor).isEmpty()) {
                done++;
            }
        }
        return redirect(done == 0 ? "ERRP" : done == servers.size() ? "DONE" : "PART");
    }

    private String user() {
        String user = policy.user(authorization);
        return user == null ? "(anonymous)" : user;
    }

    private Proxy backend(String b) {
        if (b == null || b.isEmpty()) {
            return null;
        }
        if (b.startsWith("#")) {
            try {
                int id = Integer.parseInt(b.substring(1));
                for (Proxy p : serving.peers()) {
                    if (p.id() == id && p.isBackend()) {
                        return p;
                    }
                }
            } catch (NumberFormatException e) {
                return null;
            }
            return null;
        }
        Proxy p = serving.peer(b);
        return p != null && p.isBackend() ? p : null;
    }

    private static String first(Map<String, List<String>> params, String name) {
        List<String> v = params.get(name);
        return v == null || v.isEmpty() ? null : v.get(0);
    }

    /** {@code 303} back to the page with the result and the options the page was shown with. */
    FullHttpResponse redirect(String code) {
        StringBuilder location = new StringBuilder(policy.settings().uri()).append(";st=").append(code);
        if (query.up()) {
            location.append(";up");
        }
        if (query.noRefresh()) {
            location.append(";norefresh");
        }
        if (query.scope() != null && !query.scope().isEmpty()) {
            location.append("?scope=").append(query.scope());
        }
        FullHttpResponse r = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.SEE_OTHER,
                Unpooled.EMPTY_BUFFER);
        r.headers().set(HttpHeaderNames.CONTENT_TYPE, "text/plain")
                .set(HttpHeaderNames.CONTENT_LENGTH, 0)
                .set(HttpHeaderNames.LOCATION, location.toString());
        return r;
    }
}
