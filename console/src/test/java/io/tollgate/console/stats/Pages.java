package io.tollgate.console.stats;

import io.tollgate.engine.api.ProcessInfo;
import io.tollgate.engine.api.StatsPageRequest;
import io.tollgate.engine.config.StatsSettings;
import io.tollgate.engine.stats.RowType;
import io.tollgate.engine.stats.StatRow;
import io.tollgate.engine.stats.StatsSnapshot;

import java.util.List;

import static io.tollgate.engine.stats.StatField.*;

/** Rows and page requests made by hand, to draw pages without an engine (tests). */
final class Pages {
    static final ProcessInfo PROCESS = new ProcessInfo(4371, 0, 37_000, 2, 8000, 1, 2, 16036, null, null, 1_234_567, 1, 5);

    private Pages() {
    }

    static StatsSettings settings(boolean hideVersion, int refresh) {
        return new StatsSettings("/st", StatsSettings.DEFAULT_REALM, List.of(), List.of(), null, refresh, hideVersion,
                false, null, null, List.of());
    }

    static StatsPageRequest request(List<StatRow> rows, boolean admin) {
        return new StatsPageRequest(new StatsSnapshot(0, rows), settings(false, 0), "st", "/st", false, false, false,
                null, null, admin, admin ? "admin" : null, PROCESS, admin ? "tok3n" : null);
    }

    static StatRow frontend(int iid, String proxy) {
        return StatRow.builder(RowType.FRONTEND, proxy, "FRONTEND", iid, 0)
                .text(MODE, "http").text(STATUS, "OPEN")
                .number(SCUR, 0).number(SMAX, 2).number(SLIM, 8000).number(STOT, 151).number(BIN, 13594)
                .number(BOUT, 22247).number(DREQ, 0).number(DRESP, 0).number(EREQ, 0).number(RATE, 0)
                .number(RATE_LIM, 0).number(RATE_MAX, 117).number(CONN_RATE, 0).number(CONN_RATE_MAX, 117)
                .number(CONN_TOT, 151).number(REQ_RATE, 0).number(REQ_RATE_MAX, 117).number(REQ_TOT, 151)
                .number(HRSP_2XX, 150).number(HRSP_4XX, 1).number(INTERCEPTED, 0).number(WREW, 0).number(EINT, 0)
                .build();
    }

    /** A server row's builder with traffic, without checks: add them with {@link #check}. */
    static StatRow.Builder server(int iid, String proxy, int sid, String name, String status) {
        return StatRow.builder(RowType.SERVER, proxy, name, iid, sid)
                .text(MODE, "http").text(STATUS, status)
                .number(QCUR, 0).number(QMAX, 0).number(SCUR, 0).number(SMAX, 1).number(SLIM, 300)
                .number(STOT, 26).number(BIN, 2444).number(BOUT, 3822).number(DRESP, 0).number(ECON, 0)
                .number(ERESP, 0).number(WRETR, 0).number(WREDIS, 0).number(WEIGHT, 1).number(UWEIGHT, 1)
                .number(ACT, 1).number(BCK, 0).number(LASTCHG, 194).number(LBTOT, 26).number(RATE, 0)
                .number(RATE_MAX, 20).number(LASTSESS, 27).number(REQ_TOT, 26).number(HRSP_2XX, 26)
                .number(QTIME, 0).number(CTIME, 1).number(RTIME, 2).number(TTIME, 3)
                .number(QTIME_MAX, 0).number(CTIME_MAX, 4).number(RTIME_MAX, 5).number(TTIME_MAX, 6)
                .number(CLI_ABRT, 0).number(SRV_ABRT, 0).number(CONNECT, 26).number(REUSE, 0)
                .number(WREW, 0).number(EINT, 0).number(SRV_ICUR, 0).number(IDLE_CONN_CUR, 0).number(SAFE_CONN_CUR, 0)
                .number(USED_CONN_CUR, 0).number(NEED_CONN_EST, 0);
    }

    /** The check columns of a checked server: its last result, 1 transition to DOWN, 35 s down. */
    static StatRow.Builder check(StatRow.Builder server, String status, Long code, String desc, String info) {
        server.number(CHKFAIL, 0).number(CHKDOWN, 1).number(DOWNTIME, 35)
                .text(CHECK_STATUS, status).number(CHECK_DURATION, 0).text(CHECK_DESC, desc).text(LAST_CHK, info);
        if (code != null) {
            server.number(CHECK_CODE, code);
        }
        return server;
    }

    static StatRow backend(int iid, String proxy, String status) {
        return StatRow.builder(RowType.BACKEND, proxy, "BACKEND", iid, 0)
                .text(MODE, "http").text(STATUS, status).text(ALGO, "roundrobin")
                .number(QCUR, 0).number(QMAX, 0).number(SCUR, 0).number(SMAX, 1).number(SLIM, 800).number(STOT, 51)
                .number(BIN, 4794).number(BOUT, 7497).number(DREQ, 0).number(DRESP, 0).number(ECON, 0)
                .number(ERESP, 0).number(WRETR, 0).number(WREDIS, 0).number(WEIGHT, 1).number(UWEIGHT, 1)
                .number(ACT, 1).number(BCK, 0).number(CHKDOWN, 0).number(LASTCHG, 37).number(DOWNTIME, 0)
                .number(LBTOT, 51).number(RATE, 0).number(RATE_MAX, 39).number(LASTSESS, 27).number(REQ_TOT, 51)
                .build();
    }
}
