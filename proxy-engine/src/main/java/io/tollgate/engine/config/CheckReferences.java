package io.tollgate.engine.config;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks, once every proxy is known, what a server line alone cannot: that {@code track} names
 * an existing server with a check or agent of its own, without a loop and not together with
 * {@code check}, and that an agent has a port; in HAProxy's words ({@code srv_apply_track},
 * {@code init_srv_agent_check}).
 */
final class CheckReferences {
    private CheckReferences() {
    }

    static void check(List<ProxyState> proxies, Problems problems) {
        for (ProxyState proxy : proxies) {
            if (proxy.isBackend() && !proxy.isDefaults() && proxy.httpCheck.used
                    && !(proxy.healthCheck instanceof HttpCheckRules.Selected)) {
                problems.warn(null, proxy.typeWord() + " '" + proxy.name
                        + "' uses http-check rules without 'option httpchk', so the rules are ignored.");
            }
            TcpCheckKeywords.warnUnused(proxy, problems);
            for (ServerState server : proxy.servers) {
                String where = ServerKeywords.context(proxy, server.name) + " : ";
                if (server.agentCheck && server.agentPort == 0) {
                    problems.alert(server.source, where + "server " + server.name
                            + " does not have agent port. Agent check has been disabled.");
                }
                if (server.track != null) {
                    track(proxy, server, proxies, problems, where);
                }
            }
        }
    }

    private static void track(ProxyState proxy, ServerState server, List<ProxyState> proxies, Problems problems,
                              String where) {
        if (server.check) {
            problems.alert(server.source, where + "unable to enable checks and tracking at the same time!");
            return;
        }
        int slash = server.track.indexOf('/');
        String proxyName = slash < 0 ? proxy.name : server.track.substring(0, slash);
        String serverName = slash < 0 ? server.track : server.track.substring(slash + 1);
        ProxyState target = find(proxies, proxyName);
        if (target == null) {
            problems.alert(server.source, where + "unable to find required proxy '" + proxyName + "' for tracking.");
            return;
        }
        ServerState tracked = find(target, serverName);
        if (tracked == null) {
            problems.alert(server.source, where + "unable to find required server '" + serverName + "' for tracking.");
            return;
        }
        // follow the chain: it must end on a checked server, and not come back here
        Set<ServerState> seen = new HashSet<>();
        ProxyState px = target;
        ServerState s = tracked;
        while (s.track != null && !s.check && !s.agentCheck) {
            if (s == server || !seen.add(s)) {
                problems.alert(server.source, where + "unable to track " + proxyName + "/" + serverName
                        + " as it belongs to a tracking chain looping back to " + proxyName + "/" + serverName + ".");
                return;
            }
            int sl = s.track.indexOf('/');
            ProxyState next = sl < 0 ? px : find(proxies, s.track.substring(0, sl));
            ServerState nextServer = next == null ? null : find(next, sl < 0 ? s.track : s.track.substring(sl + 1));
            if (nextServer == null) {
                return; // reported on that server's own line
            }
            px = next;
            s = nextServer;
        }
        if (s == server) {
            problems.alert(server.source, where + "unable to track " + proxyName + "/" + serverName
                    + " as it belongs to a tracking chain looping back to " + proxyName + "/" + serverName + ".");
        } else if (!s.check && !s.agentCheck) {
            problems.alert(server.source, where + "unable to use " + px.name + "/" + s.name
                    + " for tracking as it does not have any check nor agent enabled.");
        }
    }

    private static ProxyState find(List<ProxyState> proxies, String name) {
        for (ProxyState p : proxies) {
            if (p.name.equals(name) && !p.isDefaults()) {
                return p;
            }
        }
        return null;
    }

    private static ServerState find(ProxyState proxy, String name) {
        for (ServerState s : proxy.servers) {
            if (s.name.equals(name)) {
                return s;
            }
        }
        return null;
    }
}
