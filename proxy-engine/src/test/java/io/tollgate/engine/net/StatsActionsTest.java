package io.tollgate.engine.net;

import io.tollgate.engine.admin.Actor;
import io.tollgate.engine.api.StatsPageRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

import static io.tollgate.engine.net.RunningEngine.freePort;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The stats page's action form (POST), over real sockets: admin rights and the page's token are
 * required, each action goes through the runtime API as the page's user (and is audited), and the
 * answer is HAProxy's {@code 303} back to the page with {@code ;st=<result>}.
 */
class StatsActionsTest {
    private static final String ADMIN = "Basic " + Base64.getEncoder().encodeToString("admin:secret".getBytes(StandardCharsets.UTF_8));

    @RegisterExtension
    final TestResources resources = new TestResources();

    private final AtomicReference<String> token = new AtomicReference<>();
    private final List<String> audit = new CopyOnWriteArrayList<>();
    private RunningEngine engine;
    private int adminPort;
    private int viewPort;

    private void start() throws Exception {
        Upstream a = resources.upstream("a");
        adminPort = freePort();
        viewPort = freePort();
        engine = resources.engine("""
                defaults
                    mode http
                    timeout connect 2s
                    timeout client 10s
                    timeout server 10s
                listen st
                    bind 127.0.0.1:%d
                    stats uri /st
                    stats auth admin:secret
                    stats admin if TRUE
                listen view
                    bind 127.0.0.1:%d
                    stats uri /st
                    stats auth admin:secret
                frontend fe
                    bind 127.0.0.1:%d
                    default_backend app
                backend app
                    server a1 127.0.0.1:%d
                    server a2 127.0.0.1:%d
                """.formatted(adminPort, viewPort, freePort(), a.port(), a.port()));
        engine.engine().statsPage(request -> {
            token.set(request.csrfToken());
            return CompletableFuture.completedFuture("<html></html>");
        });
        engine.engine().runtimeApi().addAuditListener((Actor actor, String command, String output, boolean allowed) ->
                audit.add(actor.who() + " " + actor.door() + " " + command + " -> " + (allowed ? "ok" : "denied")));
        // the page hands out the form's token
        assertThat(request(adminPort, "GET", "/st", null).status()).isEqualTo(200);
        assertThat(token.get()).isNotNull();
    }

    private static RawHttp.Response request(int port, String method, String target, String form) throws IOException {
        try (RawHttp c = new RawHttp(port)) {
            String body = form == null ? "" : form;
            c.send(method + " " + target + " HTTP/1.1\r\nHost: t\r\nAuthorization: " + ADMIN + "\r\n"
                    + (form == null ? "" : "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: "
                    + body.length() + "\r\n") + "\r\n" + body);
            return c.read(false);
        }
    }

    private String status(String server) {
        return engine.row("app", server).get("status");
    }

    @Test
    void anActionChangesTheServersAndRedirectsWithTheResult() throws Exception {
        start();
        RawHttp.Response r = request(adminPort, "POST", "/st", "s=a1&s=a2&action=maint&b=%23" + engine.engine().proxies()
                .backend("app").id() + "&token=" + token.get());
        assertThat(r.status()).isEqualTo(303);
        assertThat(r.header("location")).isEqualTo("/st;st=DONE");
        assertThat(status("a1")).isEqualTo("MAINT");
        assertThat(status("a2")).isEqualTo("MAINT");
        assertThat(audit).contains("admin web set server app/a1 state maint -> ok");

        r = request(adminPort, "POST", "/st;up;norefresh", "s=a1&s=nope&action=ready&b=app&token=" + token.get());
        assertThat(r.header("location")).isEqualTo("/st;st=PART;up;norefresh");
        assertThat(status("a1")).isEqualTo("no check");
        assertThat(request(adminPort, "POST", "/st", "action=ready&b=app&token=" + token.get()).header("location"))
                .isEqualTo("/st;st=NONE");
        assertThat(request(adminPort, "POST", "/st", "s=a2&action=fly&b=app&token=" + token.get()).header("location"))
                .isEqualTo("/st;st=ERRP");
        assertThat(request(adminPort, "POST", "/st", "s=a2&action=ready&b=nobackend&token=" + token.get())
                .header("location")).isEqualTo("/st;st=ERRP");
    }

    @Test
    void aFormWithoutThePagesTokenOrWithoutAdminRightsChangesNothing() throws Exception {
        start();
        assertThat(request(adminPort, "POST", "/st", "s=a1&action=maint&b=app").header("location"))
                .isEqualTo("/st;st=DENY");
        assertThat(request(adminPort, "POST", "/st", "s=a1&action=maint&b=app&token=forged").header("location"))
                .isEqualTo("/st;st=DENY");
        assertThat(request(viewPort, "POST", "/st", "s=a1&action=maint&b=app&token=" + token.get()).header("location"))
                .isEqualTo("/st;st=DENY");
        assertThat(status("a1")).isEqualTo("no check");
        assertThat(request(adminPort, "POST", "/st", "s=a1&action=maint&b=app&token=" + token.get() + "&pad="
                + "x".repeat(StatsActions.MAX_FORM_BYTES)).header("location")).isEqualTo("/st;st=EXCD");
        assertThat(status("a1")).isEqualTo("no check");
    }
}
