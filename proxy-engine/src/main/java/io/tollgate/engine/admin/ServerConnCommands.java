package io.tollgate.engine.admin;

import io.tollgate.engine.runtime.Proxies;
import io.tollgate.engine.runtime.Proxy;
import io.tollgate.engine.runtime.Server;
import io.tollgate.engine.runtime.Sessions;

import java.util.List;

/**
 * {@code show servers conn [<backend>]} (user), HAProxy 2.6.12's connection figures per server:
 * the purge delay and limit of the idle pools, the connections in use (the server's current
 * sessions, and their maximum), and the idle ones per thread. Tollgate's pooled connections
 * are all reusable by any request, so they count as {@code safe_nb}; none as {@code unsafe_nb}.
 */
final class ServerConnCommands implements RuntimeApi.Family {
    private final Proxies proxies;

    ServerConnCommands(Proxies proxies) {
        this.proxies = proxies;
    }

    @Override
    public RuntimeApi.Answer run(List<String> w, Actor actor) {
        if (w.size() < 3 || !w.get(0).equals("show") || !w.get(1).equals("servers") || !w.get(2).equals("conn")) {
            return null;
        }
        Proxy only = null;
        if (w.size() > 3) {
            only = proxies.backend(w.get(3));
            if (only == null) {
                return RuntimeApi.Answer.error("Can't find backend.\n");
            }
        }
        Sessions.IdleCounter idle = proxies.sessions().idle();
        StringBuilder out = new StringBuilder();
        int threads = -1;
        StringBuilder rows = new StringBuilder();
        for (Proxy p : only != null ? List.of(only) : proxies.all()) {
            if (!p.isBackend()) {
                continue;
            }
            for (Server s : p.servers()) {
                int[] perThread = idle.idlePerThread(s);
                threads = perThread.length;
                int total = 0;
                for (int n : perThread) {
                    total += n;
                }
                long usedMax = s.counters().sessions.max();
                rows.append(p.name()).append('/').append(s.name()).append(' ').append(p.id()).append('/').append(s.id())
                        .append(' ').append(ServerStateLine.address(s))
                        .append(' ').append(s.config().address() == null ? 0 : s.config().address().port())
                        .append(" - ").append(idle.purgeDelayMillis())
                        .append(' ').append(s.served()).append(' ').append(usedMax).append(' ').append(usedMax)
                        .append(" 0 ").append(total).append(' ').append(idle.idleLimit()).append(' ').append(total);
                for (int n : perThread) {
                    rows.append(' ').append(n);
                }
                rows.append('\n');
            }
        }
        if (threads < 0) {
            threads = idle.idlePerThread(null).length;
        }
        out.append("# bkname/svname bkid/svid addr port - purge_delay used_cur used_max need_est unsafe_nb safe_nb ")
                .append("idle_lim idle_cur idle_per_thr[").append(threads).append("]\n").append(rows);
        return new RuntimeApi.Answer(out.toString(), true);
    }
}
