package io.tollgate.engine.admin;

import io.tollgate.engine.runtime.Proxies;
import io.tollgate.engine.runtime.Server;
import io.tollgate.engine.runtime.StateChanges;

import java.util.List;

/**
 * The commands that change a server, admin level, with HAProxy 2.6's answers:
 * {@code set server <b>/<s> state|health|agent|weight}, {@code set weight <b>/<s> <w>[%]},
 * {@code enable|disable server|health|agent <b>/<s>}, {@code shutdown sessions server <b>/<s>};
 * {@code addr} and {@code check-port} are {@link ServerAddressCommands}', {@code maxconn}
 * {@link MaxconnCommands}', the check, agent, {@code fqdn} and {@code ssl} settings
 * {@link ServerCheckSettingsCommands}'. Texts checked against {@code haproxy -db} 2.6.12 over its stats socket.
 */
final class ServerCommands implements RuntimeApi.Family {
    private final Proxies proxies;
    private final StateChanges changes;
    private final ServerAddressCommands addresses;
    private final MaxconnCommands maxconn;
    private final ServerCheckSettingsCommands checkSettings;

    ServerCommands(Proxies proxies) {
        this.proxies = proxies;
        this.changes = proxies.stateChanges();
        this.addresses = new ServerAddressCommands(changes);
        this.maxconn = new MaxconnCommands(proxies);
        this.checkSettings = new ServerCheckSettingsCommands(changes, proxies.dynamicServers());
    }

    @Override
    public RuntimeApi.Answer run(List<String> w, Actor actor) {
        String first = w.get(0);
        boolean setServer = first.equals("set") && w.size() > 1 && w.get(1).equals("server");
        boolean setWeight = first.equals("set") && w.size() > 1 && w.get(1).equals("weight");
        boolean toggle = (first.equals("enable") || first.equals("disable")) && w.size() > 1
                && List.of("server", "health", "agent").contains(w.get(1));
        boolean shutdown = first.equals("shutdown") && w.size() > 2 && w.get(1).equals("sessions")
                && w.get(2).equals("server");
        if (!setServer && !setWeight && !toggle && !shutdown) {
            return null;
        }
        if (!actor.level().allows(AccessLevel.ADMIN)) {
            return RuntimeApi.Answer.denied();
        }
        String target = shutdown ? arg(w, 3) : arg(w, 2);
        ServerTarget found = ServerTarget.find(proxies, target);
        if (found.error() != null) {
            return RuntimeApi.Answer.error(found.error());
        }
        Server s = found.server();
        if (shutdown) {
            changes.killSessions(s);
            return RuntimeApi.Answer.ok();
        }
        if (toggle) {
            return toggle(first.equals("enable"), w.get(1), s, actor);
        }
        if (setWeight) {
            String error = setWeight(s, arg(w, 3), actor);
            return error == null ? RuntimeApi.Answer.ok() : RuntimeApi.Answer.error(error);
        }
        return switch (arg(w, 3)) {
            case "addr" -> addresses.addr(s, w, actor);
            case "check-port" -> addresses.checkPort(s, arg(w, 4), actor);
            case "maxconn" -> maxconn.server(target, arg(w, 4), actor);
            case "agent-addr", "agent-port", "agent-send", "check-addr", "fqdn", "ssl" ->
                    checkSettings.run(s, arg(w, 3), w, actor);
            default -> set(arg(w, 3), arg(w, 4), s, actor);
        };
    }

    private RuntimeApi.Answer toggle(boolean enable, String what, Server s, Actor actor) {
        switch (what) {
            case "server" -> changes.setMaintenance(s, !enable, actor.cause());
            case "health" -> {
                if (s.check() == null) {
                    // HAProxy says nothing when disabling what is not there
                    return enable ? RuntimeApi.Answer.error(
                            "Health check was not configured on this server, cannot enable.\n") : RuntimeApi.Answer.ok();
                }
                changes.setCheckEnabled(s, enable, actor.cause());
            }
            default -> {
                if (s.agent() == null) {
                    return enable ? RuntimeApi.Answer.error("Agent was not configured on this server, cannot enable.\n")
                            : RuntimeApi.Answer.ok();
                }
                changes.setAgentEnabled(s, enable, actor.cause());
            }
        }
        return RuntimeApi.Answer.ok();
    }

    private RuntimeApi.Answer set(String what, String value, Server s, Actor actor) {
        switch (what) {
            case "state" -> {
                switch (value) {
                    case "ready" -> {
                        changes.setDrain(s, false, actor.cause());
                        changes.setMaintenance(s, false, actor.cause());
                    }
                    case "drain" -> {
                        changes.setDrain(s, true, actor.cause());
                        changes.setMaintenance(s, false, actor.cause());
                    }
                    case "maint" -> {
                        changes.setDrain(s, false, actor.cause());
                        changes.setMaintenance(s, true, actor.cause());
                    }
                    default -> {
                        return RuntimeApi.Answer.error("'set server <srv> state' expects 'ready', 'drain' and 'maint'.\n");
                    }
                }
            }
            case "health" -> {
                if (s.tracked() != null) {
                    return RuntimeApi.Answer.error("cannot change health on a tracking server.\n");
                }
                if (!List.of("up", "stopping", "down").contains(value)) {
                    return RuntimeApi.Answer.error("'set server <srv> health' expects 'up', 'stopping', or 'down'.\n");
                }
                changes.forceHealth(s, value, actor.cause());
            }
            case "agent" -> {
                if (s.agent() == null) {
                    return RuntimeApi.Answer.error("agent checks are not enabled on this server.\n");
                }
                if (!value.equals("up") && !value.equals("down")) {
                    return RuntimeApi.Answer.error("'set server <srv> agent' expects 'up' or 'down'.\n");
                }
                changes.agentSaid(s, value.equals("up"), ", " + actor.cause());
            }
            case "weight" -> {
                String error = setWeight(s, value, actor);
                if (error != null) {
                    return RuntimeApi.Answer.error(error);
                }
            }
            default -> {
                return RuntimeApi.Answer.error("usage: set server <backend>/<server> addr | agent | agent-addr | "
                        + "agent-port | agent-send | check-addr | check-port | fqdn | health | ssl | state | weight\n");
            }
        }
        return RuntimeApi.Answer.ok();
    }

    /** {@code <n>} or {@code <n>%} of the configured weight, 0 to 256, as HAProxy's weight change. */
    private String setWeight(Server s, String value, Actor actor) {
        if (value.isEmpty()) {
            return "Require <weight> or <weight%>.\n";
        }
        boolean percent = value.endsWith("%");
        String digits = percent ? value.substring(0, value.length() - 1) : value;
        int w;
        try {
            w = Integer.parseInt(digits);
        } catch (NumberFormatException e) {
            return "Empty weight string empty or preceded by garbage";
        }
        if (percent) {
            if (w < 0) {
                return "Relative weight must be positive.\n";
            }
            w = (int) Math.min(256, (long) s.config().weight() * w / 100);
        } else if (w < 0 || w > 256) {
            return "Absolute weight can only be between 0 and 256 inclusive.\n";
        }
        changes.setWeight(s, w, actor.cause());
        return null;
    }

    private static String arg(List<String> w, int i) {
        return i < w.size() ? w.get(i) : "";
    }
}
