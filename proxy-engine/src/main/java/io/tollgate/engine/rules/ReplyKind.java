package io.tollgate.engine.rules;

/** How a reply Tollgate writes itself is counted and delivered. */
public enum ReplyKind {
    /** {@code deny}: counted in dreq (dresp in a response rule). */
    DENY,
    /** {@code tarpit}: held for {@code timeout tarpit}, then answered; counted in dreq. */
    TARPIT,
    /** {@code reject}/{@code silent-drop}: the connection is closed without an answer; counted in dreq. */
    REJECT,
    /** {@code redirect}, {@code return}, {@code auth}, monitor: counted in intercepted. */
    INTERCEPT
}
