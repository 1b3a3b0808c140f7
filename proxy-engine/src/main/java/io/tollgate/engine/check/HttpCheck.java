package io.tollgate.engine.check;

import io.netty.buffer.ByteBuf;
import io.tollgate.engine.config.HttpCheckDefinition;
import io.tollgate.engine.runtime.CheckStatus;
import io.tollgate.engine.runtime.Server;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * {@code option httpchk}: sends the configured request and judges the response as HAProxy 2.6
 * does: without {@code http-check expect} any 2xx or 3xx passes ({@code L7OK/<code>}), other
 * statuses fail with their reason ({@code L7STS/404}, info {@code Not Found}), a 404 with
 * {@code disable-on-404} passes conditionally ({@code L7OKC}); an unreadable response is
 * {@code L7RSP}; expectations are tried in order, the first that fails decides.
 */
final class HttpCheck implements CheckProtocol {
    private final HttpCheckDefinition definition;
    private final byte[] fixedRequest;
    private final List<HttpExpectation> expectations;
    private final boolean needsBody;

    HttpCheck(HttpCheckDefinition definition) {
        this.definition = definition;
        this.fixedRequest = definition.sendState() ? null : request(definition, null);
        this.expectations = definition.expects().stream().map(HttpExpectation::of).toList();
        this.needsBody = expectations.stream().anyMatch(HttpExpectation::readsBody);
    }

    @Override
    public Conversation open(Server server) {
        byte[] request = fixedRequest != null ? fixedRequest : request(definition, ServerStateHeader.of(server));
        return new Exchange(request);
    }

    /** The request bytes: header names in lower case, as HAProxy's HTX writes them. */
    static byte[] request(HttpCheckDefinition d, String serverState) {
        StringBuilder b = new StringBuilder(128);
        b.append(d.method()).append(' ').append(d.uri()).append(' ').append(d.version()).append("\r\n");
        boolean connection = false;
        for (Map.Entry<String, String> h : d.headers()) {
            String name = h.getKey().toLowerCase(java.util.Locale.ROOT);
            connection |= name.equals("connection");
            b.append(name).append(": ").append(h.getValue()).append("\r\n");
        }
        if (serverState != null) {
            b.append("x-haproxy-server-state: ").append(serverState).append("\r\n");
        }
        if (!d.body().isEmpty()) {
            b.append("content-length: ").append(d.body().getBytes(StandardCharsets.UTF_8).length).append("\r\n");
        }
        if (!connection && !d.version().equalsIgnoreCase("HTTP/1.0")) {
            b.append("connection: close\r\n");
        }
        b.append("\r\n").append(d.body());
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    private final class Exchange implements Conversation {
        private final byte[] request;
        private HttpCheckResponse head;

        Exchange(byte[] request) {
            this.request = request;
        }

        @Override
        public void connected(CheckChannel channel) {
            channel.send(channel.alloc().buffer(request.length).writeBytes(request));
        }

        @Override
        public void received(CheckChannel channel, ByteBuf in) {
            if (head == null) {
                head = HttpCheckResponse.parse(in);
                if (head == null) {
                    if (in.readableBytes() >= CheckChannel.BUFFER_LIMIT) {
                        channel.finish(CheckStatus.L7_RESPONSE);
                    }
                    return;
                }
                if (head.status() < 0) {
                    channel.finish(CheckStatus.L7_RESPONSE);
                    return;
                }
            }
            boolean complete = !needsBody || head.bodyComplete(in) || in.readableBytes() >= CheckChannel.BUFFER_LIMIT;
            if (complete) {
                judge(channel, in);
            }
        }

        @Override
        public void closed(CheckChannel channel, ByteBuf in) {
            if (head == null) {
                head = HttpCheckResponse.parse(in);
            }
            if (head == null || head.status() < 0) {
                channel.finish(CheckStatus.L7_RESPONSE);
                return;
            }
            judge(channel, in);
        }

        private void judge(CheckChannel channel, ByteBuf in) {
            int status = head.status();
            if (definition.disableOn404() && status == 404) {
                channel.finish(CheckStatus.L7_OK_CONDITIONAL, status, "");
                return;
            }
            if (expectations.isEmpty()) {
                if (status >= 200 && status < 400) {
                    channel.finish(CheckStatus.L7_OK, status, "");
                } else {
                    channel.finish(CheckStatus.L7_STATUS, status, head.reason());
                }
                return;
            }
            String body = needsBody ? head.body(in) : "";
            for (HttpExpectation e : expectations) {
                HttpExpectation.Verdict v = e.judge(head, body);
                if (!v.passed()) {
                    channel.finish(v.status(), v.status().carriesCode() ? status : -1, v.info());
                    return;
                }
            }
            HttpExpectation last = expectations.get(expectations.size() - 1);
            channel.finish(last.okStatus(), status, "");
        }
    }
}
