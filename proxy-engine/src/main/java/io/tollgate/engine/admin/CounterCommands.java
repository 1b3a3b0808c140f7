package io.tollgate.engine.admin;

import io.tollgate.engine.stats.StatsRegistry;

import java.util.List;

/**
 * {@code clear counters} (operator: the peaks, {@code smax}, {@code qmax}, {@code *rate_max},
 * {@code *time_max}) and {@code clear counters all} (admin: every counter, as after a restart),
 * as HAProxy 2.6's {@code cli_parse_clear_counters}; see {@link StatsRegistry#clearCounters}.
 * Any other third word clears the peaks only, as HAProxy reads nothing but {@code all} there.
 */
final class CounterCommands implements RuntimeApi.Family {
    private final StatsRegistry stats;

    CounterCommands(StatsRegistry stats) {
        this.stats = stats;
    }

    @Override
    public RuntimeApi.Answer run(List<String> w, Actor actor) {
        if (w.size() < 2 || !w.get(0).equals("clear") || !w.get(1).equals("counters")) {
            return null;
        }
        boolean all = w.size() > 2 && w.get(2).equals("all");
        if (!actor.level().allows(all ? AccessLevel.ADMIN : AccessLevel.OPERATOR)) {
            return RuntimeApi.Answer.denied();
        }
        stats.clearCounters(all);
        return RuntimeApi.Answer.ok();
    }
}
