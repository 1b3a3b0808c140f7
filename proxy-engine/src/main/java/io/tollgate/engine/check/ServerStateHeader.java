package io.tollgate.engine.check;

import io.tollgate.engine.runtime.CheckState;
import io.tollgate.engine.runtime.Server;

/**
 * The value of {@code X-Haproxy-Server-State} ({@code http-check send-state}): the server's
 * state with its health ratio, name, weights, sessions and queue, as HAProxy writes it, e.g.
 * {@code UP 2/3; name=bck/srv2; node=lb1; weight=1/2; scur=13/22; qcur=0}.
 */
final class ServerStateHeader {
    private ServerStateHeader() {
    }

    static String of(Server s) {
        CheckState c = s.check();
        String state = !s.isUp() ? "DOWN" : s.isStopping() ? "NOLB" : "UP";
        String ratio = c == null ? "" : " " + c.ratio();
        int total = 0;
        long sessions = 0;
        for (Server o : s.backend().servers()) {
            total += o.isUsable() ? o.weight() : 0;
            sessions += o.counters().sessions.current();
        }
        return state + ratio + "; name=" + s + "; node=" + HostName.get() + "; weight=" + s.weight() + "/" + total
                + "; scur=" + s.counters().sessions.current() + "/" + sessions + "; qcur=" + s.queue().size();
    }
}
