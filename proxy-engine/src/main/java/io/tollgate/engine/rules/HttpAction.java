package io.tollgate.engine.rules;

/** One {@code http-request}/{@code http-response} action, compiled; runs on an event loop. */
@FunctionalInterface
public interface HttpAction {
    Verdict apply(HttpTransaction tx);
}
