package io.tollgate.engine.admin;

import io.tollgate.engine.runtime.DynamicServers;
import io.tollgate.engine.runtime.Proxies;
import io.tollgate.engine.runtime.Proxy;
import io.tollgate.engine.runtime.Server;

import java.util.List;

/**
 * {@code add server <b>/<s> <addr>[:<port>] [params]*} and {@code del server <b>/<s>}, admin
 * level, with HAProxy 2.6.12's answers (checked with {@code haproxy -db} over its stats socket).
 * HAProxy answers these two with {@code cli_err}, which ends without a newline (the socket's
 * closing empty line is then the only one), except for the messages its server parser and
 * {@code add server} itself print, which end with one; the answers keep that difference.
 */
final class DynamicServerCommands implements RuntimeApi.Family {
    private static final String REQUIRE = "Require 'backend/server'.";

    private final Proxies proxies;

    DynamicServerCommands(Proxies proxies) {
        this.proxies = proxies;
    }

    @Override
    public RuntimeApi.Answer run(List<String> w, Actor actor) {
        boolean add = w.get(0).equals("add");
        if (!(add || w.get(0).equals("del")) || w.size() < 2 || !w.get(1).equals("server")) {
            return null;
        }
        if (!actor.level().allows(AccessLevel.ADMIN)) {
            return RuntimeApi.Answer.denied();
        }
        String target = w.size() > 2 ? w.get(2) : "";
        // as HAProxy splits it: a slash in first position does not separate
        int slash = target.indexOf('/', 1);
        if (slash < 0 || slash == target.length() - 1) {
            return RuntimeApi.Answer.error(REQUIRE);
        }
        Proxy backend = proxies.backend(target.substring(0, slash));
        if (backend == null) {
            return RuntimeApi.Answer.error("No such backend.");
        }
        String name = target.substring(slash + 1);
        DynamicServers servers = proxies.dynamicServers();
        try {
            if (add) {
                servers.add(backend, name, w.subList(3, w.size()));
                return new RuntimeApi.Answer("New server registered.\n", true);
            }
            Server server = backend.server(name);
            if (server == null) {
                return RuntimeApi.Answer.error("No such server.");
            }
            servers.delete(server);
            return new RuntimeApi.Answer("Server deleted.", true);
        } catch (DynamicServers.Refused e) {
            return RuntimeApi.Answer.error(e.getMessage());
        }
    }
}
