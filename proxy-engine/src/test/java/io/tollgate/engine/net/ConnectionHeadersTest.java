package io.tollgate.engine.net;

import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.tollgate.engine.config.ForwardFor;
import io.tollgate.engine.config.HttpConnectionMode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The relay's header rules, without sockets. */
class ConnectionHeadersTest {

    private static HttpRequest request(HttpVersion v, String connection) {
        HttpRequest r = new DefaultHttpRequest(v, HttpMethod.GET, "/");
        if (connection != null) {
            r.headers().set("Connection", connection);
        }
        return r;
    }

    @Test
    void keepAliveModeStripsCloseTowardsTheServer() {
        HttpRequest r = request(HttpVersion.HTTP_1_1, "close, x-custom");
        ConnectionHeaders.toServer(r, HttpConnectionMode.KEEP_ALIVE, false);
        assertThat(r.headers().get("Connection")).isEqualTo("x-custom");
    }

    @Test
    void http10RequestsAskTheServerForKeepAlive() {
        HttpRequest r = request(HttpVersion.HTTP_1_0, null);
        ConnectionHeaders.toServer(r, HttpConnectionMode.KEEP_ALIVE, false);
        assertThat(r.headers().get("Connection")).isEqualTo("keep-alive");
    }

    @Test
    void serverCloseAndCloseModesSendClose() {
        for (HttpConnectionMode m : new HttpConnectionMode[] {HttpConnectionMode.SERVER_CLOSE, HttpConnectionMode.CLOSE}) {
            HttpRequest r = request(HttpVersion.HTTP_1_1, null);
            ConnectionHeaders.toServer(r, m, false);
            assertThat(r.headers().get("Connection")).isEqualTo("close");
        }
    }

    @Test
    void upgradeRequestsKeepTheirConnectionHeader() {
        HttpRequest r = request(HttpVersion.HTTP_1_1, "Upgrade");
        r.headers().set("Upgrade", "websocket");
        assertThat(ConnectionHeaders.isUpgrade(r)).isTrue();
        ConnectionHeaders.toServer(r, HttpConnectionMode.CLOSE, true);
        assertThat(r.headers().get("Connection")).isEqualTo("Upgrade");
    }

    @Test
    void forwardForAppendsAndHonoursIfNone() {
        HttpRequest r = request(HttpVersion.HTTP_1_1, null);
        r.headers().add("X-Forwarded-For", "10.0.0.1");
        ConnectionHeaders.forwardFor(r, new ForwardFor(null, null, false), "127.0.0.1");
        assertThat(r.headers().getAll("X-Forwarded-For")).containsExactly("10.0.0.1", "127.0.0.1");
        ConnectionHeaders.forwardFor(r, new ForwardFor(null, null, true), "127.0.0.2");
        assertThat(r.headers().getAll("X-Forwarded-For")).hasSize(2);
        ConnectionHeaders.forwardFor(r, new ForwardFor("X-Client", null, false), "127.0.0.3");
        assertThat(r.headers().get("X-Client")).isEqualTo("127.0.0.3");
    }

    @Test
    void responsesTellTheClientWhetherTheConnectionStays() {
        HttpResponse close = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
        ConnectionHeaders.toClient(close, HttpVersion.HTTP_1_1, false);
        assertThat(close.headers().get("Connection")).isEqualTo("close");
        HttpResponse keep10 = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
        ConnectionHeaders.toClient(keep10, HttpVersion.HTTP_1_0, true);
        assertThat(keep10.headers().get("Connection")).isEqualTo("keep-alive");
        HttpResponse keep11 = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
        keep11.headers().set("Connection", "close");
        ConnectionHeaders.toClient(keep11, HttpVersion.HTTP_1_1, true);
        assertThat(keep11.headers().contains("Connection")).isFalse();
    }

    @Test
    void closeDelimitedBodiesAreRecognised() {
        HttpResponse r = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
        assertThat(ConnectionHeaders.isCloseDelimited(r, false)).isTrue();
        assertThat(ConnectionHeaders.isCloseDelimited(r, true)).isFalse();
        r.headers().set("Content-Length", "3");
        assertThat(ConnectionHeaders.isCloseDelimited(r, false)).isFalse();
        HttpResponse noContent = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.NO_CONTENT);
        assertThat(ConnectionHeaders.isCloseDelimited(noContent, false)).isFalse();
    }
}
