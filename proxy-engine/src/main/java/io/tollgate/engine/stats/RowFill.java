package io.tollgate.engine.stats;

import io.tollgate.engine.config.CheckSettings;
import io.tollgate.engine.config.ProxyMode;
import io.tollgate.engine.config.ServerConfig;
import io.tollgate.engine.lb.Dispatcher;
import io.tollgate.engine.runtime.Proxy;
import io.tollgate.engine.runtime.CheckState;
import io.tollgate.engine.runtime.Server;

import java.util.Arrays;

import static io.tollgate.engine.stats.StatField.*;

/**
 * Reads live counters into rows, one method per row type as HAProxy's
 * {@code stats_fill_fe_stats}, {@code stats_fill_be_stats} and {@code stats_fill_sv_stats}:
 * which field is filled, left empty, or 0 for now follows those functions (HAProxy 2.6), checked
 * against the reference {@code show-stat.csv} in the tests.
 */
final class RowFill {
    private static final StatField[] MODULE_FIELDS = Arrays.stream(StatField.values())
            .filter(StatField::isModule).toArray(StatField[]::new);

    private final StateTimes times;

    RowFill(StateTimes times) {
        this.times = times;
    }

    StateTimes times() {
        return times;
    }

    StatRow frontend(Proxy p) {
        FrontendCounters c = p.frontendCounters();
        StatRow.Builder b = StatRow.builder(RowType.FRONTEND, p.name(), "FRONTEND", p.id(), 0)
                .text(MODE, p.mode().word())
                .text(STATUS, p.frontendState().status())
                .number(SCUR, c.sessions.current())
                .number(SMAX, c.sessions.max())
                .number(SLIM, p.frontendMaxconn())
                .number(STOT, c.sessionsTotal.sum())
                .number(BIN, c.bytesIn.sum())
                .number(BOUT, c.bytesOut.sum())
                .number(DREQ, c.deniedRequests.sum())
                .number(DRESP, c.deniedResponses.sum())
                .number(EREQ, c.requestErrors.sum())
                .number(DCON, c.deniedConnections.sum())
                .number(DSES, c.deniedSessions.sum())
                .number(WREW, c.failedRewrites.sum())
                .number(EINT, c.internalErrors.sum())
                .number(RATE, c.sessionRate.rate())
                .number(RATE_LIM, 0) // no "rate-limit sessions" yet
                .number(RATE_MAX, c.sessionRate.max())
                // HAProxy fills the request rate and total on every frontend, TCP ones included.
                .number(REQ_RATE, c.requestRate.rate())
                .number(REQ_RATE_MAX, c.requestRate.max())
                .number(REQ_TOT, c.requestsTotal.sum())
                .number(CONN_RATE, c.connectionRate.rate())
                .number(CONN_RATE_MAX, c.connectionRate.max())
                .number(CONN_TOT, c.connectionsTotal.sum())
                .zeros(COMP_IN, COMP_OUT, COMP_BYP, COMP_RSP); // no compression yet
        if (isHttp(p)) {
            responses(b, c.responses);
            b.number(INTERCEPTED, c.intercepted.sum())
                    .zeros(CACHE_LOOKUPS, CACHE_HITS); // no cache yet
        }
        return b.zeros(MODULE_FIELDS).build();
    }

    StatRow backend(Proxy p) {
        BackendCounters c = p.backendCounters();
        // The servers in use are the active ones, else the backups (HAProxy's tot_weight).
        long weight = 0;
        for (Server s : Dispatcher.candidates(p)) {
            weight += s.weight();
        }
        long active = 0;
        long backup = 0;
        for (Server s : p.servers()) {
            if (s.isUsable()) {
                if (s.isBackup()) {
                    backup++;
                } else {
                    active++;
                }
            }
        }
        StatRow.Builder b = StatRow.builder(RowType.BACKEND, p.name(), "BACKEND", p.id(), 0)
                .text(MODE, p.mode().word())
                .text(STATUS, p.isUp() ? "UP" : "DOWN")
                .number(SLIM, p.fullconn())
                .number(DREQ, c.deniedRequests.sum())
                .number(WEIGHT, weight)
                .number(UWEIGHT, weight) // user and effective weights are equal without slowstart
                .number(ACT, active)
                .number(BCK, backup)
                .number(CHKDOWN, times.downTransitions(p))
                .number(LASTCHG, times.secondsSinceLastChange(p))
                .text(COOKIE, p.config().cookieName())
                .text(ALGO, p.balancer().algorithm())
                .zeros(COMP_IN, COMP_OUT, COMP_BYP, COMP_RSP)
                // 2.6.12 prints the aggregates as 0 in CSV; only promex computes them.
                .zeros(AGG_SERVER_STATUS, AGG_SERVER_CHECK_STATUS, AGG_CHECK_STATUS);
        if (!p.servers().isEmpty()) {
            b.number(DOWNTIME, times.downtimeSeconds(p));
        }
        traffic(b, c, isHttp(p));
        if (isHttp(p)) {
            b.zeros(CACHE_LOOKUPS, CACHE_HITS);
        }
        return b.zeros(MODULE_FIELDS).build();
    }

    StatRow server(Proxy p, Server s) {
        ServerConfig sc = s.config();
        StatRow.Builder b = StatRow.builder(RowType.SERVER, p.name(), s.name(), p.id(), s.id())
                .text(MODE, p.mode().word())
                .text(STATUS, ServerStatus.of(s))
                .positive(SLIM, s.maxconn())
                .positive(QLIMIT, sc.maxqueue())
                .number(WEIGHT, s.weight())
                .number(UWEIGHT, s.userWeight())
                .number(ACT, s.isBackup() ? 0 : 1)
                .number(BCK, s.isBackup() ? 1 : 0)
                .number(LASTCHG, s.secondsSinceLastChange())
                .text(ADDR, address(s))
                .text(COOKIE, sc.cookie())
                // No idle-connection pool yet: nothing idle, every connection in use.
                .number(SRV_ICUR, 0)
                .number(IDLE_CONN_CUR, 0)
                .number(SAFE_CONN_CUR, 0)
                .number(USED_CONN_CUR, s.served())
                .number(NEED_CONN_EST, 0);
        if (ServerStatus.isChecked(s)) {
            b.number(CHKFAIL, s.check().failures())
                    .number(CHKDOWN, times.downTransitions(s))
                    .number(DOWNTIME, times.downtimeSeconds(s));
        }
        if (ServerStatus.isChecking(s)) {
            check(b, s.check(), CHECK_STATUS, CHECK_CODE, CHECK_DURATION, CHECK_DESC, LAST_CHK);
            b.number(CHECK_RISE, s.check().rise())
                    .number(CHECK_FALL, s.check().fall())
                    .number(CHECK_HEALTH, s.check().health());
        }
        // unlike health checks, agents keep running in maintenance (HAProxy pauses only the former)
        if (s.agent() != null && !s.isAgentDisabled()) {
            check(b, s.agent(), AGENT_STATUS, AGENT_CODE, AGENT_DURATION, AGENT_DESC, LAST_AGT);
            b.number(AGENT_RISE, s.agent().rise())
                    .number(AGENT_FALL, s.agent().fall())
                    .number(AGENT_HEALTH, s.agent().health());
        }
        if (s.observedLayer() != 0) {
            b.number(HANAFAIL, s.analyzedFailures().sum());
        }
        if (s.tracked() != null) {
            b.text(TRACKED, s.tracked().toString());
        }
        int throttle = s.throttle();
        if (throttle >= 0 && s.isUp()) {
            b.number(THROTTLE, throttle);
        }
        traffic(b, s.counters(), isHttp(p));
        return b.zeros(MODULE_FIELDS).build();
    }

    /**
     * The columns of one check (health or agent), as HAProxy fills them from its last result.
     * While a check runs ({@code * L7OK}) HAProxy has already cleared the previous run's code
     * (shown as 0) and text; its status, description and duration stay.
     */
    private static void check(StatRow.Builder b, CheckState state, StatField status, StatField code, StatField duration,
                              StatField desc, StatField last) {
        CheckState.Result r = state.last();
        boolean running = state.isRunning();
        b.text(status, (running ? "* " : "") + r.status().code())
                .text(desc, r.status().description());
        if (running && r.status().carriesCode()) {
            b.number(code, 0);
        } else if (r.hasCode()) {
            b.number(code, r.code());
        }
        if (r.durationMillis() >= 0) {
            b.number(duration, r.durationMillis());
        }
        b.text(last, running ? "" : r.info());
    }

    /** What a backend and its servers both count (HAProxy's shared {@code be_counters}). */
    private static void traffic(StatRow.Builder b, BackendCounters c, boolean http) {
        b.number(QCUR, c.queued.current())
                .number(QMAX, c.queued.max())
                .number(SCUR, c.sessions.current())
                .number(SMAX, c.sessions.max())
                .number(STOT, c.sessionsTotal.sum())
                .number(BIN, c.bytesIn.sum())
                .number(BOUT, c.bytesOut.sum())
                .number(DRESP, c.deniedResponses.sum())
                .number(ECON, c.connectionErrors.sum())
                .number(ERESP, c.responseErrors.sum())
                .number(WRETR, c.retries.sum())
                .number(WREDIS, c.redispatches.sum())
                .number(WREW, c.failedRewrites.sum())
                .number(EINT, c.internalErrors.sum())
                .number(CONNECT, c.connects.sum())
                .number(REUSE, c.reuses.sum())
                .number(LBTOT, c.lbTotal.sum())
                .number(RATE, c.sessionRate.rate())
                .number(RATE_MAX, c.sessionRate.max())
                .number(CLI_ABRT, c.clientAborts.sum())
                .number(SRV_ABRT, c.serverAborts.sum())
                .number(LASTSESS, c.secondsSinceLastSession())
                .number(QTIME, c.queueTime.average())
                .number(CTIME, c.connectTime.average())
                .number(RTIME, c.responseTime.average())
                .number(TTIME, c.totalTime.average())
                .number(QTIME_MAX, c.queueTime.max())
                .number(CTIME_MAX, c.connectTime.max())
                .number(RTIME_MAX, c.responseTime.max())
                .number(TTIME_MAX, c.totalTime.max());
        if (http) {
            b.number(REQ_TOT, c.requestsTotal.sum());
            responses(b, c.responses);
        }
    }

    private static void responses(StatRow.Builder b, HttpStatusCounters r) {
        b.number(HRSP_1XX, r.get(1))
                .number(HRSP_2XX, r.get(2))
                .number(HRSP_3XX, r.get(3))
                .number(HRSP_4XX, r.get(4))
                .number(HRSP_5XX, r.get(5))
                .number(HRSP_OTHER, r.get(0));
    }

    /**
     * As HAProxy prints a server address: {@code ip:port}, {@code [ipv6]:port} (the address and
     * port in force, which {@code set server addr} changes; the port is the offset for mapped
     * ports), or {@code unix}. Before the engine looked the host up, the configured text.
     */
    static String address(Server s) {
        ServerConfig sc = s.config();
        if (sc.unixPath() != null) {
            return "unix";
        }
        if (sc.address() == null) {
            return null;
        }
        java.net.InetAddress a = s.resolvedAddress();
        if (a == null) {
            return new io.tollgate.engine.config.HostPort(sc.address().host(), s.port()).toString();
        }
        String ip = io.tollgate.engine.stick.AddressText.format(a.getAddress());
        return (a instanceof java.net.Inet6Address ? "[" + ip + "]" : ip) + ":" + s.port();
    }

    private static boolean isHttp(Proxy p) {
        return p.mode() == ProxyMode.HTTP;
    }
}
