package io.tollgate.engine.config;

/**
 * A server's agent check ({@code agent-check agent-port agent-inter agent-send agent-addr}):
 * a TCP service on the server that answers with a line of words changing the server's weight
 * or state. {@code addr} null means the server's (or {@code addr}'s) address; {@code send}
 * null means send nothing.
 */
public record AgentSettings(boolean enabled, int port, long inter, String send, String addr) {
}
