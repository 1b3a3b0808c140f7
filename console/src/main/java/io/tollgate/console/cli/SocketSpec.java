package io.tollgate.console.cli;

import io.tollgate.engine.admin.AccessLevel;
import io.tollgate.engine.config.Directive;

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
 * One {@code stats socket <address> [mode <octal>] [level <level>] ...} line: where to listen, the
 * mode of a UNIX socket's file (null keeps the umask's) and the sessions' starting level, which is
 * {@code operator} when not given, as in HAProxy 2.6. Other bind options ({@code uid}, {@code user},
 * ...) are accepted and ignored: the file belongs to whoever runs Tollgate.
 */
public record SocketSpec(String text, SocketAddress address, Set<PosixFilePermission> mode, AccessLevel level) {

    /** The line's words after {@code stats}: {@code socket <address> [options]}. */
    static SocketSpec parse(Directive directive) {
        List<String> args = directive.args();
        String text = args.get(1);
        Set<PosixFilePermission> mode = null;
        AccessLevel level = AccessLevel.OPERATOR;
        for (int i = 2; i < args.size() - 1; i++) {
            switch (args.get(i)) {
                case "mode" -> mode = mode(args.get(++i), directive);
                case "level" -> level = level(args.get(++i), directive);
                default -> { } // uid, gid, user, group, ...: accepted, not applied
            }
        }
        return new SocketSpec(text, address(text, directive), mode, level);
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
