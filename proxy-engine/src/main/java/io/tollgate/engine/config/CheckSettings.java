package io.tollgate.engine.config;

/**
 * A server's health-check parameters ({@code check inter fastinter downinter rise fall port addr}),
 * parsed now and used by the health-check issue. Intervals in ms; 0 for fastinter/downinter means
 * "same as inter"; port 0 means "the server's port"; addr null means "the server's address".
 */
public record CheckSettings(boolean enabled, long inter, long fastinter, long downinter,
                            int rise, int fall, int port, String addr) {

    public static final CheckSettings DEFAULT = new CheckSettings(false, 2000, 0, 0, 2, 3, 0, null);
}
