package io.tollgate.engine.config;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads one address of a {@code bind} or {@code server} line, following HAProxy 2.6's
 * {@code str2sa_range()}: optional family prefix ({@code ipv4@}, {@code ipv6@}, {@code unix@},
 * ...), a path for Unix sockets, else {@code host:port} where the port is after the last colon
 * ({@code :::80} is {@code [::]:80}), or {@code [v6]:port}. {@code *}, {@code ::} and an empty
 * host mean "any address". Binds need a port and accept ranges ({@code 8000-8002}); servers may
 * omit the port (0: "the port the client connected to").
 *
 * <p>Host names are checked for syntax only: nothing is resolved at load time, so a name that
 * does not exist is found by the runtime, not here. Numeric-looking hosts must be valid IPv4
 * ({@code 1.2.3} and {@code 300.1.1.1} are refused, although the C library would guess at them).
 */
final class AddressParser {

    enum Use { BIND, SERVER }

    /** A parsed address: one host/port per port of a range, or a Unix socket path. */
    record Parsed(List<HostPort> hostPorts, String unixPath) {
    }

    private AddressParser() {
    }

    static Parsed parse(String text, Use use) throws KeywordException {
        String rest = text;
        String family = "";
        int at = rest.indexOf('@');
        if (at > 0 && isPrefix(rest.substring(0, at + 1))) {
            family = rest.substring(0, at + 1);
            rest = rest.substring(at + 1);
        }
        switch (family) {
            case "unix@", "uxst@" -> {
                if (rest.isEmpty()) {
                    throw new KeywordException("missing path in '" + text + "'");
                }
                return new Parsed(List.of(), rest);
            }
            case "udp@", "udp4@", "udp6@", "uxdg@" ->
                    throw new KeywordException("dgram-type address not acceptable in '" + text + "'");
            case "quic4@", "quic6@" -> throw new KeywordException("unsupported stream protocol for datagram family "
                    + (family.equals("quic4@") ? 2 : 10) + " address '" + text
                    + "'; QUIC is not compiled in if this is what you were looking for.");
            case "abns@", "fd@", "sockpair@" ->
                    throw new KeywordException("'" + family + "' addresses are not supported yet by Tollgate");
            default -> { }
        }
        if (family.isEmpty() && rest.startsWith("/")) {
            return new Parsed(List.of(), rest);
        }
        String host;
        String port;
        if (rest.startsWith("[")) {
            int close = rest.indexOf(']');
            String after = close < 0 ? "" : rest.substring(close + 1);
            if (close < 0 || !(after.isEmpty() || after.startsWith(":"))) {
                throw invalid(rest, text);
            }
            host = rest.substring(1, close);
            port = after.isEmpty() ? null : after.substring(1);
            if (!isIpv4(host) && !isIpv6(host)) {
                throw invalid(rest.substring(0, close + 1), text);
            }
        } else {
            int colon = rest.lastIndexOf(':');
            host = colon < 0 ? rest : rest.substring(0, colon);
            port = colon < 0 ? null : rest.substring(colon + 1);
            if (!host.isEmpty() && !host.equals("*") && !isIpv4(host) && !isIpv6(host) && !isHostName(host)) {
                throw invalid(host, text);
            }
        }
        if (host.equals("*")) {
            host = "";
        }
        if (host.isEmpty() && (family.equals("ipv6@") || family.equals("tcp6@"))) {
            host = "::";
        }
        List<HostPort> hostPorts = new ArrayList<>();
        for (int p : ports(port, use, text)) {
            hostPorts.add(new HostPort(host, p));
        }
        return new Parsed(hostPorts, null);
    }

    private static int[] ports(String port, Use use, String text) throws KeywordException {
        if (port == null || port.isEmpty()) {
            if (use == Use.BIND) {
                throw new KeywordException("missing port specification in '" + text + "'");
            }
            return new int[] {0};
        }
        char first = port.charAt(0);
        if (first == '+' || first == '-') {
            throw new KeywordException(use == Use.BIND ? "port offset not permitted here in '" + text + "'"
                    : "port offsets ('" + port + "') are not supported yet by Tollgate");
        }
        if (first < '0' || first > '9') {
            throw new KeywordException("invalid character '" + first + "' in port number '" + port + "' in '" + text + "'");
        }
        int dash = port.indexOf('-');
        if (dash < 0) {
            return new int[] {port(port, use == Use.BIND ? 1 : 0)};
        }
        if (use == Use.SERVER) {
            throw new KeywordException("port range not permitted here in '" + text + "'");
        }
        int low = port(port.substring(0, dash), 1);
        int high = port(port.substring(dash + 1), 1);
        if (high < low) {
            throw new KeywordException("invalid port range '" + low + "-" + high + "'");
        }
        int[] all = new int[high - low + 1];
        for (int i = 0; i < all.length; i++) {
            all[i] = low + i;
        }
        return all;
    }

    /** Stricter than HAProxy's atoi(): "80x" is refused instead of read as 80. */
    private static int port(String text, int min) throws KeywordException {
        if (text.isEmpty() || text.length() > 5 || !text.chars().allMatch(c -> c >= '0' && c <= '9')
                || Integer.parseInt(text) < min || Integer.parseInt(text) > 65535) {
            throw new KeywordException("invalid port '" + text + "'");
        }
        return Integer.parseInt(text);
    }

    private static boolean isPrefix(String prefix) {
        return switch (prefix) {
            case "ipv4@", "ipv6@", "tcp@", "tcp4@", "tcp6@", "unix@", "uxst@", "uxdg@", "abns@", "fd@",
                 "sockpair@", "udp@", "udp4@", "udp6@", "quic4@", "quic6@" -> true;
            default -> false;
        };
    }

    private static KeywordException invalid(String host, String text) {
        return new KeywordException("invalid address: '" + host + "' in '" + text + "'");
    }

    /** Strict dotted quad: four decimal parts of at most three digits, each 0..255. */
    static boolean isIpv4(String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            return false;
        }
        for (String part : parts) {
            if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch(c -> c >= '0' && c <= '9')
                    || Integer.parseInt(part) > 255) {
                return false;
            }
        }
        return true;
    }

    /** IPv6 literal: up to eight hex groups, one "::", optionally ending in a dotted quad. */
    static boolean isIpv6(String text) {
        if (text.indexOf(':') < 0 || text.indexOf(":::") >= 0) {
            return false;
        }
        int doubleColon = text.indexOf("::");
        if (doubleColon >= 0 && text.indexOf("::", doubleColon + 1) >= 0) {
            return false;
        }
        String[] groups = text.split(":", -1);
        int count = 0;
        for (int i = 0; i < groups.length; i++) {
            String g = groups[i];
            if (g.isEmpty()) {
                continue;
            }
            if (i == groups.length - 1 && g.indexOf('.') >= 0) {
                if (!isIpv4(g)) {
                    return false;
                }
                count += 2;
            } else if (g.length() <= 4 && g.chars().allMatch(c -> Character.digit(c, 16) >= 0 && c < 128)) {
                count++;
            } else {
                return false;
            }
        }
        boolean edgesOk = (!text.startsWith(":") || text.startsWith("::")) && (!text.endsWith(":") || text.endsWith("::"));
        return edgesOk && (doubleColon >= 0 ? count < 8 : count == 8);
    }

    /** DNS-style name: labels of letters, digits, '-' and '_', dot-separated; not all-numeric. */
    static boolean isHostName(String text) {
        String name = text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
        if (name.isEmpty() || name.length() > 253 || name.chars().allMatch(c -> (c >= '0' && c <= '9') || c == '.')) {
            return false;
        }
        for (String label : name.split("\\.", -1)) {
            if (label.isEmpty() || label.length() > 63) {
                return false;
            }
            for (char c : label.toCharArray()) {
                boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
                if (!ok) {
                    return false;
                }
            }
        }
        return true;
    }
}
