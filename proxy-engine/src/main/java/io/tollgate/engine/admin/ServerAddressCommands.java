package io.tollgate.engine.admin;

import io.tollgate.engine.runtime.Server;
import io.tollgate.engine.runtime.StateChanges;
import io.tollgate.engine.stick.AddressText;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/**
 * {@code set server <b>/<s> addr <ip> [port <p>]} and {@code set server <b>/<s> check-port <p>},
 * as HAProxy 2.6.12's {@code srv_update_addr_port} and its check-port branch answer them (texts
 * checked against {@code haproxy -db}).
 *
 * <p>{@code addr} takes IP literals only, never a name (no lookup on a command), and reports each
 * half: {@code IP changed from '<old>' to '<as typed>'} or {@code no need to change the addr},
 * then {@code port changed from '<old>' to '<new>'}, {@code no need to change the port} or the
 * port's problem, always ending {@code by 'stats socket command'}. The address is applied even
 * when the port is refused, as HAProxy does. A port signed {@code +}/{@code -} is an offset to
 * the port the client connected to (HAProxy's mapped ports), refused unless the check has a port
 * of its own; ports are 16-bit as in C ({@code 70000} is {@code 4464}). New connections and the
 * next check runs go to the new place (a check with its own {@code addr} keeps it, with its own
 * {@code port} keeps that); open connections stay.
 */
final class ServerAddressCommands {
    private static final String BY = " by 'stats socket command'\n";

    private final StateChanges changes;

    ServerAddressCommands(StateChanges changes) {
        this.changes = changes;
    }

    /** {@code words} are the command's: {@code set server <b>/<s> addr <ip> [port <p>]}. */
    RuntimeApi.Answer addr(Server s, java.util.List<String> words, Actor actor) {
        String addr = words.size() > 4 ? words.get(4) : "";
        if (addr.isEmpty()) {
            return RuntimeApi.Answer.error("set server <b>/<s> addr requires an address and optionally a port.\n");
        }
        String port = words.size() > 5 && words.get(5).equals("port") ? (words.size() > 6 ? words.get(6) : "") : null;
        StringBuilder msg = new StringBuilder();
        InetAddress ip = parse(addr);
        if (ip == null) {
            return RuntimeApi.Answer.error(msg.append("Invalid addr '").append(addr).append('\'').append(BY).toString());
        }
        if (s.config().address() == null) {
            return RuntimeApi.Answer.error("Update for the current server address family is only supported through "
                    + "configuration file" + BY);
        }
        InetAddress current = s.resolvedAddress();
        if (current != null && Arrays.equals(current.getAddress(), ip.getAddress())) {
            msg.append("no need to change the addr");
        } else {
            String from = current != null ? AddressText.format(current.getAddress()) : s.config().address().host();
            msg.append("IP changed from '").append(from).append("' to '").append(addr).append('\'');
            changes.setAddress(s, ip, s.port(), s.isPortMapped(), "addr " + addr, actor.cause());
        }
        if (port != null) {
            msg.append(", ");
            port(s, port, msg, actor);
        }
        return RuntimeApi.Answer.error(msg.append(BY).toString());
    }

    private void port(Server s, String text, StringBuilder msg, Actor actor) {
        CNumbers.Parsed parsed = CNumbers.strtol(text);
        if (!parsed.digits()) {
            msg.append("problem converting port '").append(text).append("' to an int");
            return;
        }
        int port = (int) (parsed.value() & 0xffff);
        char sign = text.charAt(0);
        boolean mapped = sign == '+' || sign == '-';
        boolean change;
        if (mapped && !s.isPortMapped()) {
            if (s.checkPort() == 0) {
                // HAProxy's text, with its unclosed parenthesis
                msg.append("can't change <port> to port map because it is incompatible with current health check "
                        + "port configuration (use 'port' statement from the 'server' directive.");
                return;
            }
            change = true;
        } else {
            change = s.port() != port;
        }
        if (!change) {
            msg.append("no need to change the port");
            return;
        }
        msg.append("port changed from '").append(s.isPortMapped() ? "+" : "").append(s.port()).append("' to '");
        if (sign == '-') {
            msg.append('-').append(-port & 0xffff);
        } else {
            msg.append(sign == '+' ? "+" : "").append(port);
        }
        msg.append('\'');
        changes.setAddress(s, s.resolvedAddress(), port, mapped, "port " + text, actor.cause());
    }

    /** {@code set server <b>/<s> check-port <p>}: the port the health check uses from its next run (0: the server's). */
    RuntimeApi.Answer checkPort(Server s, String value, Actor actor) {
        if (value.isEmpty()) {
            return RuntimeApi.Answer.error("set server <b>/<s> check-port requires a port.\n");
        }
        if (!ServerCheckSettingsCommands.checkEnabled(s)) {
            return ServerCheckSettingsCommands.warning("health checks are not enabled on this server");
        }
        int port = ServerCheckSettingsCommands.port(value);
        if (port < 0) {
            return ServerCheckSettingsCommands.warning(port == -1 ? "provided port is not an integer"
                    : "provided port is invalid");
        }
        changes.setCheckPort(s, port, actor.cause());
        return RuntimeApi.Answer.ok();
    }

    /**
     * HAProxy's {@code str2ip2} without name resolution: {@code [v6]}, {@code ::}, an empty or
     * {@code *} address (IPv4 any), then glibc's strict {@code inet_pton} for IPv6 and IPv4.
     */
    static InetAddress parse(String text) {
        String t = text;
        if (t.startsWith("[")) {
            if (t.length() < 4 || t.length() >= 48 || !t.endsWith("]")) {
                return null;
            }
            t = t.substring(1, t.length() - 1);
        }
        byte[] bytes;
        if (t.equals("::")) {
            bytes = new byte[16];
        } else if (t.isEmpty() || t.equals("*")) {
            bytes = new byte[4];
        } else {
            bytes = AddressText.ipv6(t);
            if (bytes == null) {
                bytes = AddressText.ipv4Strict(t);
            }
        }
        if (bytes == null) {
            return null;
        }
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            return null; // only for a wrong length, which the parsers never give
        }
    }
}
