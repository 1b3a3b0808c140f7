package io.tollgate.engine.admin;

import io.tollgate.engine.runtime.Proxies;
import io.tollgate.engine.runtime.Proxy;
import io.tollgate.engine.runtime.Server;

import java.util.List;

/**
 * The user-level reads about backends and servers, with HAProxy 2.6.12's output:
 * {@code show backend} ({@code # name} then one name a line), {@code show servers state
 * [<backend>]} (see {@link ServerStateLine}) and {@code get weight <b>/<s>}
 * ({@code <cur> (initial <init>)}). Extra words are ignored, as HAProxy ignores them.
 */
final class BackendCommands implements RuntimeApi.Family {
    static final String STATE_HEADER = "1\n# be_id be_name srv_id srv_name srv_addr srv_op_state srv_admin_state "
            + "srv_uweight srv_iweight srv_time_since_last_change srv_check_status srv_check_result srv_check_health "
            + "srv_check_state srv_agent_state bk_f_forced_id srv_f_forced_id srv_fqdn srv_port srvrecord srv_use_ssl "
            + "srv_check_port srv_check_addr srv_agent_addr srv_agent_port\n";

    private final Proxies proxies;

    BackendCommands(Proxies proxies) {
        this.proxies = proxies;
    }

    @Override
    public RuntimeApi.Answer run(List<String> w, Actor actor) {
        String cmd = String.join(" ", w.subList(0, Math.min(3, w.size())));
        if (cmd.equals("get weight") || cmd.startsWith("get weight ")) {
            return weight(w.size() > 2 ? w.get(2) : "");
        }
        if (cmd.equals("show backend") || cmd.startsWith("show backend ")) {
            StringBuilder out = new StringBuilder("# name\n");
            for (Proxy p : proxies.all()) {
                if (p.isBackend()) {
                    out.append(p.name()).append('\n');
                }
            }
            return new RuntimeApi.Answer(out.toString(), true);
        }
        if (cmd.equals("show servers state")) {
            return serversState(w.size() > 3 ? w.get(3) : "");
        }
        return null;
    }

    private RuntimeApi.Answer weight(String target) {
        ServerTarget t = ServerTarget.find(proxies, target);
        if (t.error() != null) {
            return RuntimeApi.Answer.error(t.error());
        }
        Server s = t.server();
        return new RuntimeApi.Answer(s.userWeight() + " (initial " + s.config().weight() + ")\n", true);
    }

    private RuntimeApi.Answer serversState(String backend) {
        Proxy only = null;
        if (!backend.isEmpty()) {
            only = proxies.backend(backend);
            if (only == null) {
                return RuntimeApi.Answer.error("Can't find backend.\n");
            }
        }
        StringBuilder out = new StringBuilder(STATE_HEADER);
        for (Proxy p : only != null ? List.of(only) : proxies.all()) {
            if (p.isBackend()) {
                for (Server s : p.servers()) {
                    out.append(ServerStateLine.of(p, s)).append('\n');
                }
            }
        }
        return new RuntimeApi.Answer(out.toString(), true);
    }
}
