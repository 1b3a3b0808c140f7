package io.tollgate.engine.config;

import io.tollgate.engine.tls.ServerTls;

/**
 * A server's health-check parameters: {@code check inter fastinter downinter rise fall port addr},
 * what happens around state changes ({@code slowstart}, {@code on-marked-down},
 * {@code on-marked-up}), passive checks ({@code observe}, {@code error-limit}, {@code on-error}),
 * {@code track} and the agent ({@code agent-*}, null without {@code agent-check}).
 *
 * <p>Intervals in ms; 0 for fastinter/downinter means "same as inter"; port 0 means "the
 * server's port"; addr null means "the server's address"; track null means none, else
 * {@code [<backend>/]<server>} as written. {@code tls} holds the server's TLS settings when checks
 * run over TLS: with {@code check-ssl}, or on an {@code ssl} server without a check {@code port}
 * (and without {@code no-check-ssl}), as HAProxy decides; null for checks in clear.
 */
public record CheckSettings(boolean enabled, long inter, long fastinter, long downinter,
                            int rise, int fall, int port, String addr,
                            long slowstart, String track, AgentSettings agent,
                            String observe, int errorLimit, String onError,
                            boolean shutdownSessionsOnDown, boolean shutdownBackupSessionsOnUp,
                            ServerTls tls) {

    public static final CheckSettings DEFAULT = new CheckSettings(false, 2000, 0, 0, 2, 3, 0, null);

    /** HAProxy's default {@code error-limit}. */
    public static final int DEFAULT_ERROR_LIMIT = 10;

    /** Only the check itself, as before the other settings were read. */
    public CheckSettings(boolean enabled, long inter, long fastinter, long downinter,
                         int rise, int fall, int port, String addr) {
        this(enabled, inter, fastinter, downinter, rise, fall, port, addr, 0, null, null, null,
                DEFAULT_ERROR_LIMIT, "fail-check", false, false, null);
    }

    /** The interval while transitioning ({@code fastinter}, else {@code inter}). */
    public long fastInterval() {
        return fastinter > 0 ? fastinter : inter;
    }

    /** The interval while fully down ({@code downinter}, else {@code inter}). */
    public long downInterval() {
        return downinter > 0 ? downinter : inter;
    }
}
