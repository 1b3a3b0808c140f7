package io.tollgate.engine.admin;

import io.tollgate.engine.runtime.FrontendChanges;
import io.tollgate.engine.runtime.Proxies;
import io.tollgate.engine.runtime.Proxy;

import java.util.List;

/**
 * {@code set maxconn server <b>/<s> <n>}, {@code set maxconn frontend <f> <n>} and
 * {@code set maxconn global <n>}, admin level, with HAProxy 2.6.12's answers and its number
 * reading: {@code strtol} for a server (garbage refused), {@code atoi} for a frontend and the
 * process ({@code 5x} is 5, {@code abc} is 0). A server's limit applies to the next slot taken
 * and a higher one serves its queue at once; a frontend's 0 accepts nothing more, as in HAProxy;
 * the process's, which every frontend's new sessions count against, may not exceed the configured
 * one ({@code Hard_maxconn}), 0 restores it.
 * {@code set server <b>/<s> maxconn <n>}, which the issue asks for and HAProxy 2.6 lacks, is
 * the server form under another name ({@link ServerCommands} sends it here).
 */
final class MaxconnCommands implements RuntimeApi.Family {
    private final Proxies proxies;
    private final FrontendChanges frontends;

    MaxconnCommands(Proxies proxies) {
        this.proxies = proxies;
        this.frontends = new FrontendChanges(proxies.stateChanges());
    }

    @Override
    public RuntimeApi.Answer run(List<String> w, Actor actor) {
        if (w.size() < 3 || !w.get(0).equals("set") || !w.get(1).equals("maxconn")
                || !List.of("server", "frontend", "global").contains(w.get(2))) {
            return null;
        }
        if (!actor.level().allows(AccessLevel.ADMIN)) {
            return RuntimeApi.Answer.denied();
        }
        return switch (w.get(2)) {
            case "server" -> server(arg(w, 3), arg(w, 4), actor);
            case "frontend" -> frontend(arg(w, 3), arg(w, 4));
            default -> global(arg(w, 3));
        };
    }

    /** HAProxy's {@code server_parse_maxconn_change_request}, after the server was found. */
    RuntimeApi.Answer server(String target, String value, Actor actor) {
        ServerTarget found = ServerTarget.find(proxies, target);
        if (found.error() != null) {
            return RuntimeApi.Answer.error(found.error());
        }
        if (value.isEmpty()) {
            return RuntimeApi.Answer.error("Require <maxconn>.\n");
        }
        CNumbers.Parsed n = CNumbers.strtol(value);
        if (!n.digits()) {
            return RuntimeApi.Answer.error("maxconn string empty or preceded by garbage");
        }
        if (!n.whole()) {
            return RuntimeApi.Answer.error("Trailing garbage in maxconn string");
        }
        // HAProxy keeps a negative value as a huge unsigned one: no limit in practice
        int maxconn = (int) Math.max(0, Math.min(Integer.MAX_VALUE, n.value()));
        proxies.stateChanges().setMaxconn(found.server(), maxconn, actor.cause());
        return RuntimeApi.Answer.ok();
    }

    private RuntimeApi.Answer frontend(String name, String value) {
        Proxy p = FrontendCommands.find(proxies, name);
        if (p == null) {
            return RuntimeApi.Answer.error(FrontendCommands.lookupError(name));
        }
        if (value.isEmpty()) {
            return RuntimeApi.Answer.error("Integer value expected.\n");
        }
        int maxconn = CNumbers.atoi(value);
        if (maxconn < 0) {
            return RuntimeApi.Answer.error("Value out of range.\n");
        }
        frontends.setMaxconn(p, maxconn);
        return RuntimeApi.Answer.ok();
    }

    private RuntimeApi.Answer global(String value) {
        if (value.isEmpty()) {
            return RuntimeApi.Answer.error("Expects an integer value.\n");
        }
        if (!proxies.globalMaxconn().set(CNumbers.atoi(value))) {
            return RuntimeApi.Answer.error("Value out of range.\n");
        }
        return RuntimeApi.Answer.ok();
    }

    private static String arg(List<String> w, int i) {
        return i < w.size() ? w.get(i) : "";
    }
}
