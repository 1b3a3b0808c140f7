package io.tollgate.engine.stats;

import io.tollgate.engine.lb.Dispatcher;
import io.tollgate.engine.runtime.Proxies;
import io.tollgate.engine.runtime.Proxy;
import io.tollgate.engine.runtime.Server;

/** Moves counters the way the network layer does for one HTTP request, without sockets. */
final class LabTraffic {
    private LabTraffic() {
    }

    /** One keep-alive-less HTTP request through {@code frontend} to {@code backend}; returns the server. */
    static Server request(Proxies proxies, String frontend, String backend, int status) {
        Proxy fe = proxies.proxy(frontend);
        Proxy be = proxies.backend(backend);
        FrontendCounters fc = fe.frontendCounters();
        BackendCounters bc = be.backendCounters();
        fc.sessionOpened();
        fc.requestReceived();
        fc.bytesIn.add(90);
        Server server = Dispatcher.pick(be, null, null);
        BackendCounters sc = server.counters();
        bc.sessionStarted();
        sc.sessionStarted();
        for (BackendCounters c : new BackendCounters[] {bc, sc}) {
            c.connects.increment();
            c.requestsTotal.increment();
            c.bytesIn.add(94);
            c.bytesOut.add(147);
            c.responses.count(status);
            c.queueTime.add(0);
            c.connectTime.add(1);
            c.responseTime.add(2);
            c.totalTime.add(3);
        }
        fc.bytesOut.add(147);
        fc.responses.count(status);
        sc.sessionEnded();
        bc.sessionEnded();
        Dispatcher.release(server);
        fc.sessionClosed();
        return server;
    }

    /**
     * Every checked server as HAProxy shows it once its first check passed ({@code L7OK/200}),
     * which is when the reference CSV was taken: fully UP, health at the top.
     */
    static void checksPassed(Proxies proxies) {
        for (io.tollgate.engine.runtime.Proxy p : proxies.all()) {
            for (Server s : p.servers()) {
                if (s.check() != null) {
                    proxies.stateChanges().checkCompleted(s, s.check(), new io.tollgate.engine.runtime.CheckState.Result(
                            io.tollgate.engine.runtime.CheckStatus.L7_OK, 200, "", 0));
                }
            }
        }
    }
}
