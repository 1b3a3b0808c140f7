package io.tollgate.engine.config;

import io.tollgate.engine.lb.Balancers;

import java.util.List;

/**
 * Warnings for what the language accepts but the engine does not apply yet, so that nobody runs
 * a configuration believing a feature is active: the balancing algorithms not in
 * {@code Balancers} yet, dynamic cookies, and health checks, which arrive with a later version.
 * Each warning says what happens instead. They are warnings, not errors, because traffic still
 * reaches the configured backends and servers (HAProxy's own tutorial layout uses all four).
 * Remove an entry here when the engine implements it.
 */
final class NotAppliedYet {
    private NotAppliedYet() {
    }

    static void warn(List<ProxyConfig> proxies, Problems problems) {
        for (ProxyConfig p : proxies) {
            if (!p.kind().isBackend()) {
                continue;
            }
            if (p.balance() != null && !Balancers.isSupported(p.balance())) {
                problems.warn(p.source(), "'balance " + p.balance() + "' in " + section(p)
                        + " is not supported yet by Tollgate: 'roundrobin' is used instead.");
            }
            if (p.rules().cookie() != null && p.rules().cookie().dynamic()) {
                problems.warn(p.source(), "'cookie " + p.cookieName() + " dynamic' in " + section(p)
                        + " is not applied yet by Tollgate: servers without a 'cookie' value get no persistence cookie.");
            }
        }
    }

    private static String section(ProxyConfig p) {
        return p.kind().name().toLowerCase(java.util.Locale.ROOT) + " '" + p.name() + "'";
    }
}
