package io.tollgate.engine.admin;

import io.tollgate.engine.runtime.DynamicServers;
import io.tollgate.engine.runtime.LiveSettings;
import io.tollgate.engine.runtime.Server;
import io.tollgate.engine.runtime.StateChanges;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * {@code set server <b>/<s> agent-addr|agent-port|agent-send|check-addr|fqdn|ssl}, as HAProxy
 * 2.6.12's {@code cli_parse_set_server} answers them (texts checked against {@code haproxy -db}).
 *
 * <p>{@code agent-addr} and {@code check-addr} take an address, looked up when it is a name as
 * HAProxy's {@code str2ip} does, and optionally {@code port <p>}; a bad address or port is
 * reported ({@code invalid addr '<a>'}, {@code provided port is not an integer}, {@code provided
 * port is invalid}) and then nothing changes, not even the half that was right. Success answers
 * nothing. Both refuse a server whose check (or agent) is not configured or is disabled. The next
 * run of the check or agent goes to the new place; {@code agent-send} is sent from its next run.
 *
 * <p>{@code fqdn} needs a {@code resolvers} section, which Tollgate does not read, so it is
 * always refused as HAProxy refuses it without one. {@code ssl on|off} turns the server's TLS on
 * or off for new connections (pooled ones are dropped); it needs TLS settings on the server.
 */
final class ServerCheckSettingsCommands {
    private static final String NO_AGENT = "agent checks are not enabled on this server";
    private static final String NO_CHECK = "health checks are not enabled on this server";

    private final StateChanges changes;
    private final DynamicServers dynamic;

    ServerCheckSettingsCommands(StateChanges changes, DynamicServers dynamic) {
        this.changes = changes;
        this.dynamic = dynamic;
    }

    /** The command's answer, or null when {@code option} is none of these. */
    RuntimeApi.Answer run(Server s, String option, List<String> w, Actor actor) {
        return switch (option) {
            case "agent-addr" -> address(s, w, true, actor);
            case "check-addr" -> address(s, w, false, actor);
            case "agent-port" -> agentPort(s, arg(w, 4), actor);
            case "agent-send" -> agentSend(s, arg(w, 4), actor);
            case "fqdn" -> RuntimeApi.Answer.error(arg(w, 4).isEmpty() ? "set server <b>/<s> fqdn requires a FQDN.\n"
                    : "set server <b>/<s> fqdn failed because no resolution is configured.\n");
            case "ssl" -> ssl(s, arg(w, 4), actor);
            default -> null;
        };
    }

    private RuntimeApi.Answer address(Server s, List<String> w, boolean agent, Actor actor) {
        String option = agent ? "agent-addr" : "check-addr";
        String text = arg(w, 4);
        if (text.isEmpty()) {
            return RuntimeApi.Answer.error("set server <b>/<s> " + option + " requires an address and optionally a port.\n");
        }
        if (agent ? !agentEnabled(s) : !checkEnabled(s)) {
            return warning(agent ? NO_AGENT : NO_CHECK);
        }
        InetAddress address = lookUp(text);
        if (address == null) {
            return warning("invalid addr '" + text + "'");
        }
        Integer port = null;
        if (arg(w, 5).equals("port")) {
            port = port(arg(w, 6));
            if (port < 0) {
                return warning(port == -1 ? "provided port is not an integer" : "provided port is invalid");
            }
        }
        String what = option + " " + text + (port == null ? "" : " port " + port);
        if (agent) {
            LiveSettings live = s.live().withAgentAddress(address);
            changes.setLive(s, port == null ? live : live.withAgentPort(port), what, actor.cause());
        } else {
            changes.setLive(s, s.live().withCheckAddress(address), what, actor.cause());
            if (port != null) {
                changes.setCheckPort(s, port, actor.cause());
            }
        }
        return RuntimeApi.Answer.ok();
    }

    private RuntimeApi.Answer agentPort(Server s, String text, Actor actor) {
        if (text.isEmpty()) {
            return RuntimeApi.Answer.error("set server <b>/<s> agent-port requires a port.\n");
        }
        if (!agentEnabled(s)) {
            return warning(NO_AGENT);
        }
        int port = port(text);
        if (port < 0) {
            return warning(port == -1 ? "provided port is not an integer" : "provided port is invalid");
        }
        changes.setLive(s, s.live().withAgentPort(port), "agent-port " + port, actor.cause());
        return RuntimeApi.Answer.ok();
    }

    private RuntimeApi.Answer agentSend(Server s, String text, Actor actor) {
        if (!agentEnabled(s)) {
            return RuntimeApi.Answer.error(NO_AGENT + ".\n");
        }
        // an empty word is taken too: the agent is then sent nothing
        changes.setLive(s, s.live().withAgentSend(text), "agent-send " + text, actor.cause());
        return RuntimeApi.Answer.ok();
    }

    private RuntimeApi.Answer ssl(Server s, String value, Actor actor) {
        if (dynamic.isDynamic(s)) {
            return RuntimeApi.Answer.error("'set server <srv> ssl' not supported on dynamic servers\n");
        }
        if (s.config().tls() == null) {
            // HAProxy's text, with its two spaces
            return RuntimeApi.Answer.error("'set server <srv> ssl' cannot be set.  default-server should define ssl settings\n");
        }
        if (!value.equals("on") && !value.equals("off")) {
            return RuntimeApi.Answer.error("'set server <srv> ssl' expects 'on' or 'off'.\n");
        }
        changes.setLive(s, s.live().withSsl(value.equals("on")), "ssl " + value, actor.cause());
        return RuntimeApi.Answer.message(Severity.NOTICE, "server ssl setting updated.\n");
    }

    /** Configured and not stopped by {@code disable health} (HAProxy clears its enabled flag then). */
    static boolean checkEnabled(Server s) {
        return s.check() != null && !s.isCheckDisabled();
    }

    private static boolean agentEnabled(Server s) {
        return s.agent() != null && !s.isAgentDisabled();
    }

    /** The port, or -1 when it is not a number, -2 when out of 0..65535. */
    static int port(String text) {
        Integer p = CNumbers.strl2irc(text);
        return p == null ? -1 : p < 0 || p > 65535 ? -2 : p;
    }

    /** An IP literal as {@code addr} reads it, else a name looked up as HAProxy's {@code str2ip} does; null if neither. */
    private static InetAddress lookUp(String text) {
        InetAddress literal = ServerAddressCommands.parse(text);
        if (literal != null || !text.matches("[A-Za-z0-9._-]+")) {
            return literal;
        }
        try {
            return InetAddress.getByName(text);
        } catch (UnknownHostException e) {
            return null;
        }
    }

    /** The answers of HAProxy's {@code srv_update_*_addr_port}, given as {@code cli_msg(LOG_WARNING)}: no line end. */
    static RuntimeApi.Answer warning(String text) {
        return RuntimeApi.Answer.message(Severity.WARNING, text);
    }

    private static String arg(List<String> w, int i) {
        return i < w.size() ? w.get(i) : "";
    }
}
