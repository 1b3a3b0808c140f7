package io.tollgate.engine.persist;

/**
 * How a backend's persistence cookie is produced, the word after {@code cookie <name>}.
 */
public enum CookieMode {
    /**
     * None of {@code insert}, {@code rewrite} or {@code prefix}: the cookie is set by the server
     * itself (its value must equal a server's {@code cookie} value) and HAProxy only reads it to
     * route requests; the response is left alone unless {@code indirect} asks to hide it.
     */
    PASSIVE,
    /** {@code insert}: the load balancer sets {@code <name>=<server value>; path=/} itself. */
    INSERT,
    /** {@code rewrite}: the server sets the cookie; its value is replaced by the server's. */
    REWRITE,
    /** {@code prefix}: an application cookie carries {@code <server value>~<its value>}. */
    PREFIX
}
