package io.tollgate.engine.net;

/**
 * The soft stop's word to a client connection ({@link LiveSession#closeWhenIdle()}): an HTTP
 * session closes at once when it waits for a request, else after the response under way, which
 * says {@code Connection: close} since the frontend is stopped (HAProxy closes its idle
 * frontend connections the same way once it is stopping).
 */
enum SoftStop {
    CLOSE_WHEN_IDLE
}
