package io.tollgate.engine.check;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** This machine's name, looked up once (never on an event loop after start). */
final class HostName {
    private static final String NAME = lookup();

    private HostName() {
    }

    static String get() {
        return NAME;
    }

    private static String lookup() {
        String env = System.getenv("HOSTNAME");
        if (env != null && !env.isEmpty()) {
            return env;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
