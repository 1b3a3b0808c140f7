package io.tollgate.logship;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Reads a {@code log} line's words into a {@link LogTarget}; the syntax is documented there. This is
 * the only judge of a {@code log} line's target and options (the configuration check calls it too),
 * and where HAProxy 2.6 refuses the same words its messages are HAProxy's ({@code src/log.c}
 * {@code parse_logsrv}), so {@code -c} reads alike.
 */
final class LogTargetParser {

    private static final int DEFAULT_SYSLOG_PORT = 514;

    private LogTargetParser() {
    }

    static LogTarget parse(List<String> words) {
        if (words.isEmpty()) {
            throw new IllegalArgumentException("'log' expects a target, such as 127.0.0.1:514, /dev/log or "
                    + "file@/var/log/tollgate.log, then a facility");
        }
        String targetWord = words.get(0);
        boolean isFile = targetWord.startsWith("file@");
        int maxLength = SyslogFormat.DEFAULT_MAX_LENGTH;
        SyslogFormat format = null;
        Sampling sampling = null;
        long maxBytes = 0;
        Rotation.Period period = Rotation.Period.NONE;
        int keep = Rotation.DEFAULT_KEEP;
        boolean compress = false;
        boolean dateext = false;
        int i = 1;
        for (; i < words.size(); i++) {
            String word = words.get(i);
            switch (word) {
                case "len" -> {
                    maxLength = length(i + 1 < words.size() ? words.get(++i) : "");
                }
                case "format" -> format = format(i + 1 < words.size() ? words.get(++i) : "");
                case "sample" -> sampling = Sampling.parse(argument(words, ++i, "sample", "<ranges>:<size>"));
                case "rotate", "keep", "compress", "dateext" -> {
                    if (!isFile) {
                        throw new IllegalArgumentException("'" + word + "' only applies to file@ targets, not to '"
                                + targetWord + "'");
                    }
                    switch (word) {
                        case "rotate" -> {
                            String how = argument(words, ++i, "rotate", "size <n>, daily or hourly");
                            switch (how) {
                                case "daily" -> period = Rotation.Period.DAILY;
                                case "hourly" -> period = Rotation.Period.HOURLY;
                                case "size" -> maxBytes = size(argument(words, ++i, "rotate size", "a size such as 100m"));
                                default -> throw new IllegalArgumentException("'rotate' expects size <n>, daily or hourly, got '"
                                        + how + "'");
                            }
                        }
                        case "keep" -> keep = integer(argument(words, ++i, "keep", "a number of files"), "keep", 0, 10_000);
                        case "compress" -> compress = true;
                        default -> dateext = true;
                    }
                }
                default -> {
                    if (isFacility(word)) {
                        return finish(words, i, endpoint(targetWord, new Rotation(maxBytes, period, keep, compress, dateext)),
                                maxLength, format, sampling);
                    }
                    // HAProxy's words; what else could have been meant is only worth saying for file@
                    throw new IllegalArgumentException("unknown log facility '" + word + "'" + (isFile
                            ? " (expected len, format, sample, rotate, keep, compress, dateext or a facility such as local0)"
                            : ""));
                }
            }
        }
        throw new IllegalArgumentException("'log " + targetWord + "' expects a facility (such as local0) after its options");
    }

    private static boolean isFacility(String word) {
        for (Facility f : Facility.values()) {
            if (f.keyword().equals(word)) {
                return true;
            }
        }
        return false;
    }

    private static LogTarget finish(List<String> words, int i, Endpoint endpoint, int maxLength, SyslogFormat format,
                                    Sampling sampling) {
        Facility facility = Facility.named(words.get(i));
        Severity max = i + 1 < words.size() ? level(words.get(i + 1), "unknown optional log level") : Severity.DEBUG;
        Severity min = i + 2 < words.size() ? level(words.get(i + 2), "unknown optional minimum log level")
                : Severity.EMERG;
        if (i + 3 < words.size()) {
            throw new IllegalArgumentException("cannot handle unexpected argument '" + words.get(i + 3) + "'");
        }
        return new LogTarget(endpoint, maxLength, format == null ? SyslogFormat.LOCAL : format, sampling, facility,
                max, min, format != null);
    }

    private static Severity level(String word, String complaint) {
        if (!Severity.isName(word)) {
            throw new IllegalArgumentException(complaint + " '" + word + "'");
        }
        return Severity.named(word);
    }

    private static int length(String text) {
        try {
            int n = Integer.parseInt(text);
            if (n >= SyslogFormat.MIN_MAX_LENGTH && n <= SyslogFormat.MAX_MAX_LENGTH) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("invalid log length '" + text + "', must be between "
                + SyslogFormat.MIN_MAX_LENGTH + " and " + SyslogFormat.MAX_MAX_LENGTH);
    }

    private static SyslogFormat format(String word) {
        for (SyslogFormat f : SyslogFormat.values()) {
            if (f.keyword().equals(word)) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown log format '" + word + "'");
    }

    static Endpoint endpoint(String word, Rotation rotation) {
        switch (word) {
            case "stdout", "fd@1":
                return new Endpoint.StandardStream(1);
            case "stderr", "fd@2":
                return new Endpoint.StandardStream(2);
            default:
                break;
        }
        int at = word.indexOf('@');
        String prefix = at < 0 ? "" : word.substring(0, at);
        String rest = at < 0 ? word : word.substring(at + 1);
        if (rest.isEmpty()) {
            throw new IllegalArgumentException("log target '" + word + "' has nothing after '" + prefix + "@'");
        }
        switch (prefix) {
            case "file":
                return new Endpoint.File(Path.of(rest), rotation);
            case "unix":
                return new Endpoint.UnixDatagram(Path.of(rest));
            case "tcp", "tcp4", "tcp6": {
                String[] hostPort = hostAndPort(rest, word, -1);
                return new Endpoint.Tcp(hostPort[0], Integer.parseInt(hostPort[1]));
            }
            case "", "udp", "udp4", "udp6", "ipv4", "ipv6": {
                if (prefix.isEmpty() && rest.startsWith("/")) {
                    return new Endpoint.UnixDatagram(Path.of(rest));
                }
                String[] hostPort = hostAndPort(rest, word, DEFAULT_SYSLOG_PORT);
                return new Endpoint.Udp(hostPort[0], Integer.parseInt(hostPort[1]));
            }
            default:
                throw new IllegalArgumentException("unsupported log target '" + word + "' (expected ip[:port], udp@, "
                        + "tcp@ip:port, a Unix socket path, stdout, stderr or file@<path>)");
        }
    }

    private static String[] hostAndPort(String text, String word, int defaultPort) {
        String host;
        String port;
        if (text.startsWith("[")) {
            int close = text.indexOf(']');
            if (close < 0) {
                throw new IllegalArgumentException("log target '" + word + "' has no closing ']'");
            }
            host = text.substring(1, close);
            String after = text.substring(close + 1);
            if (!after.isEmpty() && !after.startsWith(":")) {
                throw new IllegalArgumentException("log target '" + word + "': expected ':port' after ']'");
            }
            port = after.isEmpty() ? "" : after.substring(1);
        } else {
            int colon = text.lastIndexOf(':');
            host = colon < 0 ? text : text.substring(0, colon);
            port = colon < 0 ? "" : text.substring(colon + 1);
        }
        if (host.isEmpty()) {
            throw new IllegalArgumentException("log target '" + word + "' has no address");
        }
        if (port.isEmpty()) {
            if (defaultPort < 0) {
                throw new IllegalArgumentException("log target '" + word + "' needs a port (tcp@<ip>:<port>)");
            }
            return new String[] {host, Integer.toString(defaultPort)};
        }
        return new String[] {host, Integer.toString(integer(port, "port of " + word, 1, 65535))};
    }

    static long size(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        long unit = 1;
        char last = lower.isEmpty() ? ' ' : lower.charAt(lower.length() - 1);
        switch (last) {
            case 'k' -> unit = 1L << 10;
            case 'm' -> unit = 1L << 20;
            case 'g' -> unit = 1L << 30;
            default -> { }
        }
        String digits = unit == 1 ? lower : lower.substring(0, lower.length() - 1);
        try {
            long n = Long.parseLong(digits);
            if (n > 0 && n <= Long.MAX_VALUE / unit) {
                return n * unit;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("'rotate size' expects a positive size such as 512k, 100m or 1g, got '"
                + text + "'");
    }

    private static String argument(List<String> words, int i, String keyword, String expected) {
        if (i >= words.size()) {
            throw new IllegalArgumentException("'" + keyword + "' expects " + expected);
        }
        return words.get(i);
    }

    private static int integer(String text, String keyword, int min, int max) {
        try {
            int n = Integer.parseInt(text);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("'" + keyword + "' expects a number between " + min + " and " + max
                + ", got '" + text + "'");
    }
}
