package io.tollgate.engine.runtime;

import java.net.InetAddress;

/**
 * A server's settings changed over the runtime API that replace configured ones from the next
 * check or connection on: {@code set server check-addr}, {@code agent-addr}, {@code agent-port},
 * {@code agent-send} and {@code ssl}. One immutable value, swapped whole, so that a check never
 * sees an address from one command with a port from another.
 *
 * @param checkAddress the health check's address, or null for the configured one
 * @param agentAddress the agent's address, or null for the configured one
 * @param agentPort    the agent's port, or -1 for {@code agent-port}
 * @param agentSend    what the agent is sent, or null for {@code agent-send}
 * @param ssl          whether new connections use the server's TLS settings, or null as configured
 */
public record LiveSettings(InetAddress checkAddress, InetAddress agentAddress, int agentPort, String agentSend,
                           Boolean ssl) {

    public static final LiveSettings NONE = new LiveSettings(null, null, -1, null, null);

    public LiveSettings withCheckAddress(InetAddress a) {
        return new LiveSettings(a, agentAddress, agentPort, agentSend, ssl);
    }

    public LiveSettings withAgentAddress(InetAddress a) {
        return new LiveSettings(checkAddress, a, agentPort, agentSend, ssl);
    }

    public LiveSettings withAgentPort(int p) {
        return new LiveSettings(checkAddress, agentAddress, p, agentSend, ssl);
    }

    public LiveSettings withAgentSend(String s) {
        return new LiveSettings(checkAddress, agentAddress, agentPort, s, ssl);
    }

    public LiveSettings withSsl(boolean on) {
        return new LiveSettings(checkAddress, agentAddress, agentPort, agentSend, on);
    }
}
