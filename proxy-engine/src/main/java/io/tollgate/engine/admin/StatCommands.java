package io.tollgate.engine.admin;

import io.tollgate.engine.runtime.Proxies;
import io.tollgate.engine.runtime.Proxy;
import io.tollgate.engine.runtime.Server;
import io.tollgate.engine.stats.CsvStatsWriter;
import io.tollgate.engine.stats.JsonStatsWriter;
import io.tollgate.engine.stats.HiddenServers;
import io.tollgate.engine.stats.RowType;
import io.tollgate.engine.stats.StatField;
import io.tollgate.engine.stats.StatRow;
import io.tollgate.engine.stats.StatsRegistry;
import io.tollgate.engine.stats.StatsSnapshot;
import io.tollgate.engine.stats.TypedStatsWriter;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code show stat [<iid>|<proxy> <type> <sid>] [typed|json] [desc] [up|no-maint]}, user level,
 * parsed as HAProxy 2.6.12 parses it (FORMATS §1.3): the filter is the three words right after
 * {@code show stat} (so {@code show stat typed -1 2 -1} looks for a proxy named "typed"), numbers
 * read as {@code atoi} reads them, options anywhere. At user level {@code addr}, {@code cookie}
 * and {@code algo} stay empty, as on a user-level socket.
 */
final class StatCommands implements RuntimeApi.Family {
    private static final int FRONTENDS = 1;
    private static final int BACKENDS = 2;
    private static final int SERVERS = 4;

    private final Proxies proxies;
    private final StatsRegistry stats;

    StatCommands(Proxies proxies, StatsRegistry stats) {
        this.proxies = proxies;
        this.stats = stats;
    }

    @Override
    public RuntimeApi.Answer run(List<String> w, Actor actor) {
        if (w.size() < 2 || !w.get(0).equals("show") || !w.get(1).equals("stat")) {
            return null;
        }
        int iid = -1;
        int types = -1;
        int sid = -1;
        if (w.size() >= 5) {
            iid = CNumbers.atoi(w.get(2));
            if (iid == 0) {
                Proxy p = proxies.proxy(w.get(2));
                if (p == null) {
                    return RuntimeApi.Answer.error("No such proxy.\n");
                }
                iid = p.id();
            }
            types = CNumbers.atoi(w.get(3));
            sid = CNumbers.atoi(w.get(4));
        }
        List<String> options = w.subList(2, w.size());
        boolean up = options.contains("up");
        boolean noMaint = options.contains("no-maint");
        List<StatRow> rows = new ArrayList<>();
        for (StatRow row : stats.snapshot().rows()) {
            if (!selected(row, iid, types, sid) || hidden(row, up, noMaint)) {
                continue;
            }
            if (row.type() == RowType.BACKEND && (up || noMaint)) {
                row = withServerCount(row);
            }
            rows.add(actor.level().allows(AccessLevel.OPERATOR) ? row
                    : row.without(StatField.ADDR, StatField.COOKIE, StatField.ALGO));
        }
        StatsSnapshot shown = new StatsSnapshot(System.currentTimeMillis(), rows);
        String out;
        if (options.contains("typed")) {
            out = new TypedStatsWriter(options.contains("desc")).write(shown);
        } else if (options.contains("json")) {
            out = new JsonStatsWriter().write(shown);
        } else {
            out = new CsvStatsWriter().write(shown);
        }
        return new RuntimeApi.Answer(out, true);
    }

    private static boolean selected(StatRow row, int iid, int types, int sid) {
        if (iid != -1 && row.iid() != iid) {
            return false;
        }
        int bit = switch (row.type()) {
            case FRONTEND -> FRONTENDS;
            case BACKEND -> BACKENDS;
            default -> SERVERS;
        };
        if ((types & bit) == 0) {
            return false;
        }
        return row.type() != RowType.SERVER || sid == -1 || row.sid() == sid;
    }

    private boolean hidden(StatRow row, boolean up, boolean noMaint) {
        if (row.type() != RowType.SERVER) {
            return false;
        }
        Server s = server(row);
        return s != null && HiddenServers.hidden(s, up, noMaint);
    }

    /** {@code UP (n/m)}: n servers not stopped, m all of them, maintenance included. */
    private StatRow withServerCount(StatRow row) {
        Proxy p = proxies.backend(row.proxyName());
        if (p == null) {
            return row;
        }
        long running = p.servers().stream().filter(s -> s.isUp() && !s.isInMaintenance()).count();
        return row.withText(StatField.STATUS, row.text(StatField.STATUS) + " (" + running + "/" + p.servers().size() + ")");
    }

    private Server server(StatRow row) {
        Proxy p = proxies.backend(row.proxyName());
        return p == null ? null : p.server(row.svname());
    }
}
