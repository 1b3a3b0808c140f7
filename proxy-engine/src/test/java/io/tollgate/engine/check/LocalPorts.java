package io.tollgate.engine.check;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Ports on 127.0.0.1 for tests. */
final class LocalPorts {
    private LocalPorts() {
    }

    /**
     * A port nothing listens on right now (the kernel just handed it out and it was closed):
     * connects to it are refused ({@code L4CON}), or a process may bind it.
     */
    static int unused() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
