package io.tollgate.engine.config;

import io.tollgate.engine.http.ErrorPages;
import io.tollgate.engine.http.HttpErrorsSections;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a finished {@link ParseSession} into an immutable {@link Config}, after the checks
 * HAProxy makes once all files are read: proxy ids (explicit ones unique, the others assigned in
 * declaration order from 2), server ids (from 1 per backend), backend references, user and
 * group references, {@code http-errors} references, and the "missing timeouts" warning.
 */
final class ConfigAssembler {
    /**
     * HAProxy 2.6 gives id 1 to its internal CLI proxy when a {@code stats socket} is declared, so
     * configured proxies then start at 2; without one they start at 1 (both seen with 2.6.12).
     */
    static int firstProxyId(GlobalState global) {
        return global.statsSockets.isEmpty() ? 1 : 2;
    }

    private ConfigAssembler() {
    }

    static Config assemble(ParseSession session) {
        Problems problems = session.problems;
        // HAProxy only runs its configuration checks on files that parsed (a duplicate id is a
        // parse error there); Tollgate still checks references, to report more errors in one go,
        // but keeps the timeout advice for a configuration that parsed.
        Map<ProxyState, Integer> ids = proxyIds(session.proxies, problems, firstProxyId(session.global));
        boolean parsed = !problems.hasAlerts();
        BackendReferences.check(session.proxies, problems);
        TableReferences.check(session.proxies, problems);
        CheckReferences.check(session.proxies, problems);
        UserlistReferences.check(session.proxies, session.userlists, problems);
        HttpErrorsSections httpErrors = ErrorPageKeywords.sections(session.httpErrors, problems);
        List<ProxyConfig> proxies = new ArrayList<>();
        for (ProxyState proxy : session.proxies) {
            if (parsed) {
                warnMissingTimeouts(proxy, problems);
                HttpOnlySettings.warn(proxy, problems);
            }
            ErrorPages pages = ErrorPageKeywords.resolve(proxy, httpErrors, problems);
            ProxyConfig config = proxy.toConfig(ids.get(proxy), servers(proxy), pages);
            if (parsed) {
                LogFormatKeywords.check(proxy, config, problems);
            }
            proxies.add(config);
        }
        List<UserlistConfig> userlists = session.userlists.stream().map(u -> userlist(u, problems)).toList();
        if (!problems.hasAlerts()) {
            NotAppliedYet.warn(proxies, problems);
        }
        return new Config(session.global.toSettings(), List.copyOf(proxies), userlists, problems.warnings(),
                httpErrors);
    }

    private static Map<ProxyState, Integer> proxyIds(List<ProxyState> proxies, Problems problems, int firstId) {
        Map<ProxyState, Integer> ids = new HashMap<>();
        Map<Integer, ProxyState> used = new HashMap<>();
        for (ProxyState proxy : proxies) {
            if (proxy.id == 0) {
                continue;
            }
            ProxyState other = used.putIfAbsent(proxy.id, proxy);
            if (other != null) {
                problems.alert(proxy.idSource, proxy.typeWord() + " " + proxy.name + " reuses same custom id as "
                        + other.typeWord() + " " + other.name + " (declared at " + other.source + ").");
            }
            ids.put(proxy, proxy.id);
        }
        int next = firstId;
        for (ProxyState proxy : proxies) {
            if (proxy.id == 0) {
                while (used.containsKey(next)) {
                    next++;
                }
                used.put(next, proxy);
                ids.put(proxy, next++);
            }
        }
        return ids;
    }

    private static List<ServerConfig> servers(ProxyState proxy) {
        Set<Integer> used = new HashSet<>();
        proxy.servers.stream().filter(s -> s.id != 0).forEach(s -> used.add(s.id));
        List<ServerConfig> servers = new ArrayList<>();
        int next = 1;
        for (ServerState server : proxy.servers) {
            int id = server.id;
            if (id == 0) {
                while (used.contains(next)) {
                    next++;
                }
                id = next++;
                used.add(id);
            }
            servers.add(server.toConfig(id));
        }
        return List.copyOf(servers);
    }

    /** HAProxy's warning, same text and condition (a backend without servers needs no timeouts). */
    private static void warnMissingTimeouts(ProxyState proxy, Problems problems) {
        Timeouts t = proxy.timeouts;
        boolean frontendMissing = proxy.kind.isFrontend() && t.client() == 0;
        boolean backendMissing = proxy.kind.isBackend() && !proxy.servers.isEmpty()
                && (t.connect() == 0 || (t.server() == 0 && (proxy.mode == ProxyMode.HTTP || t.tunnel() == 0)));
        if (frontendMissing || backendMissing) {
            problems.warn(null, "missing timeouts for " + proxy.typeWord() + " '" + proxy.name + "'.\n"
                    + "   | While not properly invalid, you will certainly encounter various problems\n"
                    + "   | with such a configuration. To fix this, please ensure that all following\n"
                    + "   | timeouts are set to a non-zero value: 'client', 'connect', 'server'.");
        }
    }

    private static UserlistConfig userlist(UserlistState list, Problems problems) {
        Map<String, List<String>> groupsOfUser = new LinkedHashMap<>();
        list.users.values().forEach(u -> groupsOfUser.put(u.name, new ArrayList<>()));
        for (UserlistState.User user : list.users.values()) {
            for (String group : user.groups) {
                if (!list.groups.containsKey(group)) {
                    problems.alert(user.source, "userlist '" + list.name + "': no such group '" + group
                            + "' specified in user '" + user.name + "'");
                } else if (!groupsOfUser.get(user.name).contains(group)) {
                    groupsOfUser.get(user.name).add(group);
                }
            }
        }
        for (UserlistState.Group group : list.groups.values()) {
            for (String user : group.users()) {
                List<String> groups = groupsOfUser.get(user);
                if (groups == null) {
                    problems.alert(group.source(), "userlist '" + list.name + "': no such user '" + user
                            + "' specified in group '" + group.name() + "'");
                } else if (!groups.contains(group.name())) {
                    groups.add(group.name());
                }
            }
        }
        List<UserlistConfig.User> users = list.users.values().stream()
                .map(u -> new UserlistConfig.User(u.name, u.password, u.insecure, List.copyOf(groupsOfUser.get(u.name))))
                .toList();
        return new UserlistConfig(list.name, users, List.copyOf(list.groups.keySet()), list.source);
    }
}
