package io.tollgate.engine.config;

import io.tollgate.engine.tls.TlsDefaults;

import java.util.List;

/**
 * The {@code global} section. {@code nbthread} 0 means "one per core"; {@code pidfile} null when
 * not set. {@code logs} and {@code statsSockets} are kept for the issues that serve them;
 * {@code description} is the global {@code description} (shown by {@code stats show-desc});
 * {@code directives} keeps the other accepted lines ({@code stats timeout}, {@code stats maxconn})
 * as words; {@code tls} is what the TLS keywords amount to ({@code crt-base},
 * {@code ssl-default-*}, {@code ssl-server-verify}); {@code logTag} the {@code log-tag} (null:
 * the program's name), {@code logHostname} the {@code log-send-hostname} name, the machine's when
 * none was given (null: no hostname is sent).
 */
public record GlobalSettings(int maxconn, int nbthread, String pidfile, boolean daemon,
                             String node, List<Directive> logs, List<Directive> statsSockets,
                             String description, List<Directive> directives, TlsDefaults tls,
                             int spreadChecks, String logTag, String logHostname) {

    /** HAProxy's default global maxconn when none is configured and no ulimit applies. */
    public static final int DEFAULT_MAXCONN = 4096;

    public static final GlobalSettings DEFAULT =
            new GlobalSettings(DEFAULT_MAXCONN, 0, null, false, null, List.of(), List.of(), null, List.of());

    /** The shape before {@code spread-checks}. */
    public GlobalSettings(int maxconn, int nbthread, String pidfile, boolean daemon,
                          String node, List<Directive> logs, List<Directive> statsSockets,
                          String description, List<Directive> directives, TlsDefaults tls) {
        this(maxconn, nbthread, pidfile, daemon, node, logs, statsSockets, description, directives, tls, 0, null, null);
    }

    /** The shape before {@code tls}: no global TLS keyword. */
    public GlobalSettings(int maxconn, int nbthread, String pidfile, boolean daemon,
                          String node, List<Directive> logs, List<Directive> statsSockets,
                          String description, List<Directive> directives) {
        this(maxconn, nbthread, pidfile, daemon, node, logs, statsSockets, description, directives, TlsDefaults.NONE);
    }

    /** The original shape, kept so that code written before {@code description} existed compiles. */
    public GlobalSettings(int maxconn, int nbthread, String pidfile, boolean daemon,
                          String node, List<Directive> logs, List<Directive> statsSockets) {
        this(maxconn, nbthread, pidfile, daemon, node, logs, statsSockets, null, List.of());
    }
}
