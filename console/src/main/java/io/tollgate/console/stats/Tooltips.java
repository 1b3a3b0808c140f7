package io.tollgate.console.stats;

import io.tollgate.engine.stats.RowType;
import io.tollgate.engine.stats.StatField;
import io.tollgate.engine.stats.StatRow;

import static io.tollgate.console.stats.CellText.number;
import static io.tollgate.console.stats.CellText.percent;
import static io.tollgate.engine.stats.StatField.*;

/**
 * The details HAProxy shows when the pointer rests on a cell, one line each: connection, session
 * and request rates; the sessions' totals with the HTTP responses per status class and the
 * average and maximum queue, connect, response and total times; resets during transfers; and the
 * last check's words.
 */
final class Tooltips {
    private static final StatField[] RESPONSES = {HRSP_1XX, HRSP_2XX, HRSP_3XX, HRSP_4XX, HRSP_5XX};

    private Tooltips() {
    }

    /** A frontend's Session rate Cur ({@code current}) or Max: connections, sessions, requests per second. */
    static String frontendRates(StatRow fe, boolean current) {
        String word = current ? "Current" : "Max";
        Lines t = new Lines()
                .add(word + " connection rate", perSecond(fe, current ? CONN_RATE : CONN_RATE_MAX))
                .add(word + " session rate", perSecond(fe, current ? RATE : RATE_MAX));
        if (isHttp(fe)) {
            t.add(word + " request rate", perSecond(fe, current ? REQ_RATE : REQ_RATE_MAX));
        }
        return t.toString();
    }

    /** A server's Sessions Cur: its connections in use, idle and needed, and their limits. */
    static String serverConnections(StatRow sv) {
        return new Lines()
                .add("Current active connections", number(sv, SCUR))
                .add("Current used connections", number(sv, USED_CONN_CUR))
                .add("Current idle connections", number(sv, SRV_ICUR))
                .add("- unsafe", number(sv, IDLE_CONN_CUR))
                .add("- safe", number(sv, SAFE_CONN_CUR))
                .add("Estimated need of connections", number(sv, NEED_CONN_EST))
                .add("Active connections limit", CellText.limit(sv, SLIM))
                .add("Idle connections limit", CellText.limit(sv, SRC_ILIM))
                .toString();
    }

    /** Sessions Total: what the sessions were (HTTP responses per class) and how long they took. */
    static String sessionsTotal(StatRow row) {
        Lines t = new Lines();
        boolean frontend = row.type() == RowType.FRONTEND;
        if (frontend) {
            t.add("Cum. connections", number(row, CONN_TOT));
        }
        t.add("Cum. sessions", number(row, STOT));
        if (!frontend) {
            long connects = value(row, CONNECT);
            t.add("New connections", number(connects))
                    .add("Reused connections", share(value(row, REUSE), connects + value(row, REUSE)));
        }
        if (isHttp(row)) {
            long requests = value(row, REQ_TOT);
            t.add("Cum. HTTP requests", number(requests));
            for (StatField f : RESPONSES) {
                t.add("- HTTP " + f.csvName().charAt(5) + "xx responses", responses(row, f, requests));
            }
            t.add("- other responses", responses(row, HRSP_OTHER, requests));
            if (frontend) {
                t.add("Intercepted requests", number(row, INTERCEPTED));
            }
        }
        t.add("Failed hdr rewrites", number(row, WREW)).add("Internal errors", number(row, EINT));
        if (!frontend) {
            t.line("Max / Avg over last 1024 success. conn.")
                    .add("- Queue time", times(row, QTIME_MAX, QTIME))
                    .add("- Connect time", times(row, CTIME_MAX, CTIME))
                    .add("- Responses time", times(row, RTIME_MAX, RTIME))
                    .add("- Total time", times(row, TTIME_MAX, TTIME));
        }
        return t.toString();
    }

    /** Errors Resp: transfers cut by either side. */
    static String resets(StatRow row) {
        return "Connection resets during transfers: " + number(row, CLI_ABRT) + " client, "
                + number(row, SRV_ABRT) + " server";
    }

    /** LastChk: the result's words and the check's own text ({@code Layer4 connection problem: Connection refused}). */
    static String check(StatRow sv, StatField desc, StatField last) {
        String words = sv.text(desc);
        String text = sv.text(last);
        if (words == null) {
            return null;
        }
        return text == null || text.isEmpty() ? words : words + ": " + text;
    }

    /** {@code stats show-legends}: where a server is and how it is known. */
    static String serverLegend(StatRow sv) {
        Lines t = new Lines();
        t.line(sv.text(ADDR) != null ? sv.text(ADDR) : "no address");
        t.add("id", Integer.toString(sv.sid()));
        if (sv.text(COOKIE) != null) {
            t.add("cookie", sv.text(COOKIE));
        }
        return t.toString();
    }

    /** {@code stats show-legends}: a proxy's mode, id, and balancing algorithm when it has one. */
    static String proxyLegend(StatRow any, String algorithm) {
        Lines t = new Lines().add("mode", any.text(MODE)).add("id", Integer.toString(any.iid()));
        if (algorithm != null) {
            t.add("balancing", algorithm);
        }
        return t.toString();
    }

    private static String responses(StatRow row, StatField f, long requests) {
        long n = value(row, f);
        // HAProxy gives servers' shares of the requests; frontends and backends get counts only
        return row.type() == RowType.SERVER ? number(n) + " (" + percent(n, requests) + "%)" : number(n);
    }

    private static String share(long part, long total) {
        return number(part) + " (" + percent(part, total) + "%)";
    }

    private static String times(StatRow row, StatField max, StatField avg) {
        return number(row, max) + " / " + number(row, avg) + " ms";
    }

    private static String perSecond(StatRow row, StatField f) {
        return number(row, f) + "/s";
    }

    private static long value(StatRow row, StatField f) {
        return row.value(f) instanceof Long n ? n : 0;
    }

    private static boolean isHttp(StatRow row) {
        return "http".equals(row.text(MODE));
    }

    /** Tooltip lines, {@code label: value} each. */
    private static final class Lines {
        private final StringBuilder text = new StringBuilder(256);

        Lines add(String label, String value) {
            return line(label + ": " + (value == null ? "" : value));
        }

        Lines line(String line) {
            if (!text.isEmpty()) {
                text.append('\n');
            }
            text.append(line);
            return this;
        }

        @Override
        public String toString() {
            return text.toString();
        }
    }
}
