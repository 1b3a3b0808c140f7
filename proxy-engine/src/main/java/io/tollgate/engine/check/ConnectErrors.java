package io.tollgate.engine.check;

import io.netty.channel.ConnectTimeoutException;

import java.util.List;

/**
 * The {@code strerror} text HAProxy puts in {@code last_chk} when a check cannot connect
 * ({@code Connection refused}, ...), read from the exception Netty reports (its messages wrap
 * the system's text with the call and the address).
 */
final class ConnectErrors {
    private static final List<String> KNOWN = List.of("Connection refused", "No route to host",
            "Network is unreachable", "Connection reset by peer", "Connection timed out", "Host is down",
            "Cannot assign requested address", "Permission denied", "Address already in use");

    private ConnectErrors() {
    }

    static boolean isTimeout(Throwable t) {
        return t instanceof ConnectTimeoutException;
    }

    static String text(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            String m = c.getMessage();
            if (m == null) {
                continue;
            }
            for (String known : KNOWN) {
                if (m.contains(known)) {
                    return known;
                }
            }
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
