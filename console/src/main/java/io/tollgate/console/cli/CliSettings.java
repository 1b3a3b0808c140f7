package io.tollgate.console.cli;

import io.tollgate.engine.config.Directive;
import io.tollgate.engine.config.GlobalSettings;

import java.time.Duration;
import java.util.List;

/**
 * The global {@code stats socket}, {@code stats timeout} and {@code stats maxconn} lines. The engine
 * has already checked them and keeps the last two as plain directives, so they are read here with
 * no error handling of their own. Defaults are HAProxy's: 10 s idle timeout, 10 connections.
 */
public record CliSettings(List<SocketSpec> sockets, Duration timeout, int maxconn) {

    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    static final int DEFAULT_MAXCONN = 10;

    /** Throws IllegalArgumentException, with the line, for a socket line it cannot use. */
    public static CliSettings of(GlobalSettings global) {
        List<SocketSpec> sockets = global.statsSockets().stream().map(SocketSpec::parse).toList();
        Duration timeout = DEFAULT_TIMEOUT;
        int maxconn = DEFAULT_MAXCONN;
        for (Directive d : global.directives()) {
            if (!d.keyword().equals("stats") || d.args().size() < 2) {
                continue;
            }
            switch (d.args().get(0)) {
                case "timeout" -> timeout = Duration.ofMillis(millis(d.args().get(1)));
                case "maxconn" -> maxconn = Integer.parseInt(d.args().get(1));
                default -> { }
            }
        }
        return new CliSettings(sockets, timeout, maxconn);
    }

    /** A time as the engine accepted it: digits and an optional unit, milliseconds by default. */
    static long millis(String text) {
        int end = 0;
        while (end < text.length() && Character.isDigit(text.charAt(end))) {
            end++;
        }
        long value = Long.parseLong(text.substring(0, end));
        return switch (text.substring(end)) {
            case "us" -> (value + 999) / 1000;
            case "s" -> value * 1000;
            case "m" -> value * 60_000;
            case "h" -> value * 3_600_000;
            case "d" -> value * 86_400_000;
            default -> value;
        };
    }
}
