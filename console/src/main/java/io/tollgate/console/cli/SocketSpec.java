package io.tollgate.console.cli;

import io.tollgate.engine.admin.AccessLevel;
import io.tollgate.engine.admin.SeverityOutput;
import io.tollgate.engine.config.Directive;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.UnixDomainSocketAddress;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One {@code stats socket <address> [mode <octal>] [uid <n>] [gid <n>] [user <name>] [group <name>]
 * [level <level>] [severity-output <format>] ...} line: where to listen, the mode (null keeps the
 * umask's) and owner of a UNIX socket's file (ignored for TCP, as in HAProxy), the sessions'
 * starting level, which is {@code operator} when not given, as in HAProxy 2.6, and whether their
 * messages show a severity. Other bind options are accepted and ignored.
 */
public record SocketSpec(String text, SocketAddress address, Set<PosixFilePermission> mode, AccessLevel level,
                         SocketOwner owner, SeverityOutput severityOutput) {

    /** The line's words after {@code stats}: {@code socket <address> [options]}. */
    static SocketSpec parse(Directive directive) {
        List<String> args = directive.args();
        String text = args.get(1);
        Set<PosixFilePermission> mode = null;
        AccessLevel level = AccessLevel.OPERATOR;
        SocketOwner owner = SocketOwner.UNCHANGED;
        SeverityOutput severity = SeverityOutput.NONE;
        for (int i = 2; i < args.size(); i++) {
            String keyword = args.get(i);
            if (!List.of("mode", "level", "uid", "gid", "user", "group", "severity-output").contains(keyword)) {
                continue; // other bind options: accepted, not applied
            }
            if (i + 1 == args.size()) {
                throw haproxyStyle(directive, "'" + keyword + "' : " + switch (keyword) {
                    case "user", "group" -> "missing " + keyword + " name";
                    case "level" -> "missing level";
                    case "severity-output" -> "missing severity format";
                    case "mode" -> "missing or invalid mode '' (octal integer expected)";
                    default -> "missing value";
                });
            }
            String value = args.get(++i);
            switch (keyword) {
                case "mode" -> mode = mode(value, directive);
                case "level" -> level = level(value, directive);
                case "uid" -> owner = owner.uid(atoi(value));
                case "gid" -> owner = owner.gid(atoi(value));
                case "user", "group" -> owner = named(owner, keyword, value, directive);
                default -> severity = severityOutput(value, directive);
            }
        }
        return new SocketSpec(text, address(text, directive), mode, level, owner, severity);
    }

    /** As HAProxy's {@code atoi}: the leading digits (with a sign), 0 without any. */
    private static int atoi(String text) {
        int end = text.startsWith("-") || text.startsWith("+") ? 1 : 0;
        while (end < text.length() && Character.isDigit(text.charAt(end))) {
            end++;
        }
        try {
            return Integer.parseInt(text.substring(0, end));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static SocketOwner named(SocketOwner owner, String keyword, String name, Directive directive) {
        try {
            return keyword.equals("user") ? owner.user(name) : owner.group(name);
        } catch (IOException e) {
            throw haproxyStyle(directive, "'" + keyword + "' : unknown " + keyword + " name '" + name + "'");
        }
    }

    private static SeverityOutput severityOutput(String word, Directive directive) {
        SeverityOutput format = SeverityOutput.of(word);
        if (format == null) {
            throw haproxyStyle(directive, "'severity-output' only supports 'none', 'number', and 'string' (got '"
                    + word + "')");
        }
        return format;
    }

    /** HAProxy's form for a bind option's error: {@code parsing [f:l] : 'stats socket' : '<error>'}. */
    private static IllegalArgumentException haproxyStyle(Directive directive, String error) {
        return new IllegalArgumentException("parsing [" + directive.source() + "] : 'stats socket' : '" + error + "'");
    }

    boolean isUnix() {
        return address instanceof UnixDomainSocketAddress;
    }

    /** {@code ipv4@host:port}, {@code ipv6@host:port}, {@code unix@path}, a path, or {@code host:port}. */
    static SocketAddress address(String text, Directive directive) {
        if (text.startsWith("unix@")) {
            return UnixDomainSocketAddress.of(Path.of(text.substring(5)));
        }
        if (text.startsWith("ipv4@") || text.startsWith("ipv6@")) {
            return inet(text.substring(5), directive);
        }
        // HAProxy takes anything with a slash (or no port) as a path
        if (text.contains("/") || !text.contains(":")) {
            return UnixDomainSocketAddress.of(Path.of(text));
        }
        return inet(text, directive);
    }

    private static InetSocketAddress inet(String hostPort, Directive directive) {
        int colon = hostPort.lastIndexOf(':');
        if (colon < 0) {
            throw invalid(directive, "'" + hostPort + "' needs a port");
        }
        String host = hostPort.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        try {
            int port = Integer.parseInt(hostPort.substring(colon + 1));
            return new InetSocketAddress(host.isEmpty() ? "0.0.0.0" : host, port);
        } catch (IllegalArgumentException e) {
            throw invalid(directive, "invalid port in '" + hostPort + "'");
        }
    }

    private static Set<PosixFilePermission> mode(String octal, Directive directive) {
        try {
            int bits = Integer.parseInt(octal, 8);
            StringBuilder rwx = new StringBuilder();
            for (int shift = 6; shift >= 0; shift -= 3) {
                int b = bits >> shift;
                rwx.append((b & 4) != 0 ? 'r' : '-').append((b & 2) != 0 ? 'w' : '-').append((b & 1) != 0 ? 'x' : '-');
            }
            return PosixFilePermissions.fromString(rwx.toString());
        } catch (NumberFormatException e) {
            throw invalid(directive, "'mode' expects an octal number (got '" + octal + "')");
        }
    }

    private static AccessLevel level(String word, Directive directive) {
        return switch (word) {
            case "user", "operator", "admin" -> AccessLevel.valueOf(word.toUpperCase(Locale.ROOT));
            default -> throw invalid(directive, "'level' only supports 'user', 'operator', and 'admin' (got '" + word + "')");
        };
    }

    private static IllegalArgumentException invalid(Directive directive, String why) {
        return new IllegalArgumentException("parsing [" + directive.source() + "] : 'stats socket' " + why + ".");
    }
}
