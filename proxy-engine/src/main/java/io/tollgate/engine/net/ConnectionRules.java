package io.tollgate.engine.net;

import io.netty.channel.Channel;
import io.tollgate.engine.rules.TcpRule;
import io.tollgate.engine.runtime.Proxy;
import io.tollgate.engine.stats.FrontendCounters;

import java.util.List;

/**
 * The frontend's {@code tcp-request connection|session|content} rules as the listeners apply
 * them (tracking rules fill the connection's stick counters): a rejected connection is closed at once and counted as HAProxy counts it (dcon for
 * {@code connection}, dses for {@code session}, dreq for {@code content}).
 */
final class ConnectionRules {
    private ConnectionRules() {
    }

    /** {@code tcp-request connection}: true when the new connection was rejected and closed. */
    static boolean rejectsConnection(Proxy frontend, Channel client, StickCounters counters) {
        if (!rejects(frontend, client, "connection", counters)) {
            return false;
        }
        FrontendCounters fc = frontend.frontendCounters();
        fc.connectionsTotal.increment();
        fc.connectionRate.increment();
        fc.deniedConnections.increment();
        client.close();
        return true;
    }

    /** {@code tcp-request session}: true when the admitted session was rejected and closed. */
    static boolean rejectsSession(Proxy frontend, Channel client, StickCounters counters) {
        if (!rejects(frontend, client, "session", counters)) {
            return false;
        }
        frontend.frontendCounters().deniedSessions.increment();
        client.close();
        return true;
    }

    /** {@code tcp-request content} in TCP mode: true when the session was rejected and closed. */
    static boolean rejectsContent(Proxy frontend, Channel client, StickCounters counters) {
        if (!rejects(frontend, client, "content", counters)) {
            return false;
        }
        frontend.frontendCounters().deniedRequests.increment();
        client.close();
        return true;
    }

    /**
     * Whether the {@code type} rules reject the connection. {@code connection} rules see the
     * socket's addresses, not those of a PROXY header: HAProxy runs them before reading it.
     */
    private static boolean rejects(Proxy frontend, Channel client, String type, StickCounters counters) {
        List<TcpRule> rules = frontend.rules().tcpRequest();
        if (rules.isEmpty()) {
            return false;
        }
        ConnectionView view = type.equals("connection") ? ConnectionView.beforeProxyHeader(client) : new ConnectionView(client);
        return !TcpRule.accepts(rules, type, new StickView(view, counters),
                (counter, table, key) -> counters.track(counter, table, key, true, false));
    }
}
