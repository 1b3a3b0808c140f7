package io.tollgate.engine.stats;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import static io.tollgate.engine.stats.StatField.ValueType.S32;
import static io.tollgate.engine.stats.StatField.ValueType.STR;
import static io.tollgate.engine.stats.StatField.ValueType.U32;
import static io.tollgate.engine.stats.StatField.ValueType.U64;

/**
 * Every stats column of HAProxy 2.6.12, in CSV order: the one place that names them. Each field
 * carries its CSV name, its position, its value type, its typed-output tag (some fields change
 * tag with the row type: {@code act}, {@code bck}, {@code rate}, {@code rate_max} are gauges on a
 * BACKEND row), the row types that can carry a value ({@code L}istener, {@code F}rontend,
 * {@code B}ackend, {@code S}erver, as HAProxy's {@code stats_fill_*_stats} fill them) and what it
 * means.
 *
 * <p>Positions: the static fields are 0..102. In CSV a literal {@code -} column follows them, so
 * the module fields ({@code ssl_*}, {@code h2_*}, {@code h1_*}) sit one column further right
 * ({@link #csvColumn()}), while typed and JSON output number them straight on from 103
 * ({@link #position()}). Which module fields exist and in which order depends on HAProxy's build;
 * these are those of the Debian 2.6.12 build that tools were seen parsing.
 */
public enum StatField {
    // ---- static fields, positions 0..102 (HAProxy 2.6.12 stat_fields[]) ----
    PXNAME("pxname", STR, "KNS", "LFBS", "proxy name"),
    SVNAME("svname", STR, "KNS", "LFBS", "FRONTEND, BACKEND, or the server or listener name"),
    QCUR("qcur", U32, "MGP", "..BS", "requests waiting in the queue now (backend: waiting for any server)"),
    QMAX("qmax", U32, "MMP", "..BS", "highest qcur seen"),
    SCUR("scur", U32, "MGP", "LFBS", "sessions open now"),
    SMAX("smax", U32, "MMP", "LFBS", "highest scur seen"),
    SLIM("slim", U32, "CLP", "LFBS", "session limit: maxconn (frontend, listener, server), fullconn (backend)"),
    STOT("stot", U64, "MCP", "LFBS", "sessions since start"),
    BIN("bin", U64, "MCP", "LFBS", "bytes received from clients"),
    BOUT("bout", U64, "MCP", "LFBS", "bytes sent to clients"),
    DREQ("dreq", U64, "MCP", "LFB.", "requests denied by rules"),
    DRESP("dresp", U64, "MCP", "LFBS", "responses denied by rules"),
    EREQ("ereq", U64, "MCP", "LF..", "bad or aborted requests from clients"),
    ECON("econ", U64, "MCP", "..BS", "failed connection attempts to servers"),
    ERESP("eresp", U64, "MCP", "..BS", "bad, failed or aborted responses from servers"),
    WRETR("wretr", U64, "MCP", "..BS", "connection retries"),
    WREDIS("wredis", U64, "MCP", "..BS", "redispatches to another server"),
    STATUS("status", STR, "SGP", "LFBS",
            "OPEN/STOP (frontend), UP/DOWN (backend), server state such as UP, DOWN, MAINT, no check"),
    WEIGHT("weight", U32, "MaP", "..BS", "effective weight (server), total weight of the servers in use (backend)"),
    ACT("act", U32, "SGP,B=MGP", "..BS", "1 for an active server; number of usable active servers (backend)"),
    BCK("bck", U32, "SGP,B=MGP", "..BS", "1 for a backup server; number of usable backup servers (backend)"),
    CHKFAIL("chkfail", U64, "MCP", "...S", "failed health checks"),
    CHKDOWN("chkdown", U64, "MCP", "..BS", "transitions to DOWN (backend: times no server was left)"),
    LASTCHG("lastchg", U32, "MAP", "..BS", "seconds since the last UP/DOWN change"),
    DOWNTIME("downtime", U32, "MCP", "..BS", "seconds spent DOWN in total"),
    QLIMIT("qlimit", U32, "CGS", "...S", "server maxqueue, empty when unlimited"),
    PID("pid", U32, "KGP", "LFBS", "relative process number, always 1"),
    IID("iid", U32, "KGS", "LFBS", "proxy id"),
    SID("sid", U32, "KGS", "LFBS", "server or listener id, 0 on FRONTEND and BACKEND rows"),
    THROTTLE("throttle", U32, "MaP", "...S", "slowstart throttle percentage, only while warming up"),
    LBTOT("lbtot", U64, "MCP", "..BS", "times chosen by load balancing"),
    TRACKED("tracked", STR, "CNS", "...S", "backend/server whose state this server follows"),
    TYPE("type", U32, "CGS", "LFBS", "0 frontend, 1 backend, 2 server, 3 listener"),
    RATE("rate", U32, "MRP,B=MGP", ".FBS", "sessions over the last second"),
    RATE_LIM("rate_lim", U32, "CLP", ".F..", "rate-limit sessions setting, 0 when none"),
    RATE_MAX("rate_max", U32, "MMP,B=MGP", ".FBS", "highest rate seen"),
    CHECK_STATUS("check_status", STR, "MOP", "...S", "last health check result code, with '* ' while a check runs"),
    CHECK_CODE("check_code", U32, "MOP", "...S", "layer 5-7 code of the last check (e.g. HTTP status)"),
    CHECK_DURATION("check_duration", U64, "MDP", "...S", "duration of the last check in ms"),
    HRSP_1XX("hrsp_1xx", U64, "MCP", ".FBS", "HTTP responses 1xx"),
    HRSP_2XX("hrsp_2xx", U64, "MCP", ".FBS", "HTTP responses 2xx"),
    HRSP_3XX("hrsp_3xx", U64, "MCP", ".FBS", "HTTP responses 3xx"),
    HRSP_4XX("hrsp_4xx", U64, "MCP", ".FBS", "HTTP responses 4xx"),
    HRSP_5XX("hrsp_5xx", U64, "MCP", ".FBS", "HTTP responses 5xx"),
    HRSP_OTHER("hrsp_other", U64, "MCP", ".FBS", "HTTP responses with another code, or none (protocol error)"),
    HANAFAIL("hanafail", U64, "MCP", "...S", "failed checks caused by errors observed on live traffic"),
    REQ_RATE("req_rate", U32, "MRP", ".F..", "HTTP requests over the last second"),
    REQ_RATE_MAX("req_rate_max", U32, "MMP", ".F..", "highest req_rate seen"),
    REQ_TOT("req_tot", U64, "MCP", ".FBS", "HTTP requests since start"),
    CLI_ABRT("cli_abrt", U64, "MCP", "..BS", "transfers aborted by the client"),
    SRV_ABRT("srv_abrt", U64, "MCP", "..BS", "transfers aborted by the server"),
    COMP_IN("comp_in", U64, "MCP", ".FB.", "response bytes fed to the compressor"),
    COMP_OUT("comp_out", U64, "MCP", ".FB.", "bytes produced by the compressor"),
    COMP_BYP("comp_byp", U64, "MCP", ".FB.", "response bytes not compressed because of limits"),
    COMP_RSP("comp_rsp", U64, "MCP", ".FB.", "responses compressed"),
    LASTSESS("lastsess", S32, "MAP", "..BS", "seconds since the last session was assigned, -1 when never"),
    LAST_CHK("last_chk", STR, "MOP", "...S", "free text of the last health check"),
    LAST_AGT("last_agt", STR, "MOP", "...S", "free text of the last agent check"),
    QTIME("qtime", U32, "MaP", "..BS", "average queue time over the last 1024 requests, ms"),
    CTIME("ctime", U32, "MaP", "..BS", "average connect time over the last 1024 requests, ms"),
    RTIME("rtime", U32, "MaP", "..BS", "average response time over the last 1024 requests, ms"),
    TTIME("ttime", U32, "MaP", "..BS", "average total session time over the last 1024 requests, ms"),
    AGENT_STATUS("agent_status", STR, "MOP", "...S", "last agent check result code, with '* ' while a check runs"),
    AGENT_CODE("agent_code", U32, "MOP", "...S", "code reported by the last agent check"),
    AGENT_DURATION("agent_duration", U64, "MDP", "...S", "duration of the last agent check in ms"),
    CHECK_DESC("check_desc", STR, "MOP", "...S", "human words for check_status"),
    AGENT_DESC("agent_desc", STR, "MOP", "...S", "human words for agent_status"),
    CHECK_RISE("check_rise", U32, "CGS", "...S", "successful checks needed to go UP"),
    CHECK_FALL("check_fall", U32, "CGS", "...S", "failed checks needed to go DOWN"),
    CHECK_HEALTH("check_health", U32, "CGS", "...S", "health counter, 0 to rise+fall-1"),
    AGENT_RISE("agent_rise", U32, "CGS", "...S", "successful agent checks needed to go UP"),
    AGENT_FALL("agent_fall", U32, "CGS", "...S", "failed agent checks needed to go DOWN"),
    AGENT_HEALTH("agent_health", U32, "CGS", "...S", "agent health counter"),
    ADDR("addr", STR, "CGS", "L..S", "address as ip:port, [ipv6]:port or unix"),
    COOKIE("cookie", STR, "CNS", "..BS", "cookie name (backend) or value (server)"),
    MODE("mode", STR, "CGS", "LFBS", "proxy mode: tcp or http"),
    ALGO("algo", STR, "CGS", "..B.", "load-balancing algorithm"),
    CONN_RATE("conn_rate", U32, "MRP", ".F..", "connections accepted over the last second"),
    CONN_RATE_MAX("conn_rate_max", U32, "MMP", ".F..", "highest conn_rate seen"),
    CONN_TOT("conn_tot", U64, "MCP", ".F..", "connections accepted since start"),
    INTERCEPTED("intercepted", U64, "MCP", ".F..",
            "HTTP requests answered by the proxy itself (stats, redirects, services)"),
    DCON("dcon", U64, "MCP", "LF..", "connections refused by tcp-request connection rules"),
    DSES("dses", U64, "MCP", "LF..", "sessions refused by tcp-request session rules"),
    WREW("wrew", U64, "MCP", "LFBS", "failed header rewrites"),
    CONNECT("connect", U64, "MCP", "..BS", "connection attempts to servers"),
    REUSE("reuse", U64, "MCP", "..BS", "server connections reused"),
    CACHE_LOOKUPS("cache_lookups", U64, "MCP", ".FB.", "HTTP cache lookups"),
    CACHE_HITS("cache_hits", U64, "MCP", ".FB.", "HTTP cache hits"),
    SRV_ICUR("srv_icur", U32, "MGP", "...S", "idle server connections available for reuse"),
    SRC_ILIM("src_ilim", U32, "CLP", "...S", "idle connection limit (pool-max-conn), empty when unlimited"),
    QTIME_MAX("qtime_max", U32, "MMP", "..BS", "longest queue time seen, ms"),
    CTIME_MAX("ctime_max", U32, "MMP", "..BS", "longest connect time seen, ms"),
    RTIME_MAX("rtime_max", U32, "MMP", "..BS", "longest response time seen, ms"),
    TTIME_MAX("ttime_max", U32, "MMP", "..BS", "longest total session time seen, ms"),
    EINT("eint", U64, "MCP", "LFBS", "internal errors"),
    IDLE_CONN_CUR("idle_conn_cur", U32, "MGP", "...S", "unsafe idle server connections now"),
    SAFE_CONN_CUR("safe_conn_cur", U32, "MGP", "...S", "safe idle server connections now"),
    USED_CONN_CUR("used_conn_cur", U32, "MGP", "...S", "server connections in use now"),
    NEED_CONN_EST("need_conn_est", U32, "MGP", "...S", "estimate of the server connections needed"),
    UWEIGHT("uweight", U32, "MaP", "..BS", "weight set by the user (server), total of the servers in use (backend)"),
    AGG_SERVER_STATUS("agg_server_status", U32, "MGP", "..B.", "aggregate of servers' states, always 0 in CSV"),
    AGG_SERVER_CHECK_STATUS("agg_server_check_status", U32, "MGP", "..B.",
            "aggregate of servers' check states (deprecated), always 0 in CSV"),
    AGG_CHECK_STATUS("agg_check_status", U32, "MGP", "..B.", "aggregate of servers' check results, always 0 in CSV"),
    // ---- module fields: after the CSV '-' column; typed output numbers them from 103 ----
    SSL_SESS("ssl_sess", U64, "MCP", "LFBS", "SSL sessions established"),
    SSL_REUSED_SESS("ssl_reused_sess", U64, "MCP", "LFBS", "SSL sessions resumed"),
    SSL_FAILED_HANDSHAKE("ssl_failed_handshake", U64, "MCP", "LFBS", "failed SSL handshakes"),
    H2_HEADERS_RCVD("h2_headers_rcvd", U64, "MCP", ".FB.", "HTTP/2 HEADERS frames received"),
    H2_DATA_RCVD("h2_data_rcvd", U64, "MCP", ".FB.", "HTTP/2 DATA frames received"),
    H2_SETTINGS_RCVD("h2_settings_rcvd", U64, "MCP", ".FB.", "HTTP/2 SETTINGS frames received"),
    H2_RST_STREAM_RCVD("h2_rst_stream_rcvd", U64, "MCP", ".FB.", "HTTP/2 RST_STREAM frames received"),
    H2_GOAWAY_RCVD("h2_goaway_rcvd", U64, "MCP", ".FB.", "HTTP/2 GOAWAY frames received"),
    H2_DETECTED_CONN_PROTOCOL_ERRORS("h2_detected_conn_protocol_errors", U64, "MCP", ".FB.",
            "HTTP/2 connection-level protocol errors"),
    H2_DETECTED_STRM_PROTOCOL_ERRORS("h2_detected_strm_protocol_errors", U64, "MCP", ".FB.",
            "HTTP/2 stream-level protocol errors"),
    H2_RST_STREAM_RESP("h2_rst_stream_resp", U64, "MCP", ".FB.", "HTTP/2 RST_STREAM frames sent in answer"),
    H2_GOAWAY_RESP("h2_goaway_resp", U64, "MCP", ".FB.", "HTTP/2 GOAWAY frames sent in answer"),
    H2_OPEN_CONNECTIONS("h2_open_connections", U64, "MGP", ".FB.", "HTTP/2 connections open now"),
    H2_BACKEND_OPEN_STREAMS("h2_backend_open_streams", U64, "MGP", ".FB.", "HTTP/2 server-side streams open now"),
    H2_TOTAL_CONNECTIONS("h2_total_connections", U64, "MCP", ".FB.", "HTTP/2 connections since start"),
    H2_BACKEND_TOTAL_STREAMS("h2_backend_total_streams", U64, "MCP", ".FB.", "HTTP/2 server-side streams since start"),
    H1_OPEN_CONNECTIONS("h1_open_connections", U64, "MGP", ".FB.", "HTTP/1 connections open now"),
    H1_OPEN_STREAMS("h1_open_streams", U64, "MGP", ".FB.", "HTTP/1 streams open now"),
    H1_TOTAL_CONNECTIONS("h1_total_connections", U64, "MCP", ".FB.", "HTTP/1 connections since start"),
    H1_TOTAL_STREAMS("h1_total_streams", U64, "MCP", ".FB.", "HTTP/1 streams since start"),
    H1_BYTES_IN("h1_bytes_in", U64, "MCP", ".FB.", "HTTP/1 bytes received"),
    H1_BYTES_OUT("h1_bytes_out", U64, "MCP", ".FB.", "HTTP/1 bytes sent"),
    H1_SPLICED_BYTES_IN("h1_spliced_bytes_in", U64, "MCP", ".FB.", "HTTP/1 bytes received by kernel splicing"),
    H1_SPLICED_BYTES_OUT("h1_spliced_bytes_out", U64, "MCP", ".FB.", "HTTP/1 bytes sent by kernel splicing");

    /** The value type printed by typed and JSON output. */
    public enum ValueType {
        S32("s32"), U32("u32"), S64("s64"), U64("u64"), STR("str");

        private final String word;

        ValueType(String word) {
            this.word = word;
        }

        public String word() {
            return word;
        }

        public boolean isNumber() {
            return this != STR;
        }
    }

    /** The last static field; the CSV {@code -} column follows it. */
    public static final StatField LAST_STATIC = AGG_CHECK_STATUS;

    private static final Map<String, StatField> BY_NAME = new HashMap<>();

    static {
        for (StatField f : values()) {
            BY_NAME.put(f.csvName, f);
        }
    }

    private final String csvName;
    private final ValueType type;
    private final StatTag tag;
    private final Map<RowType, StatTag> tagByRow;
    private final Set<RowType> rows;
    private final String description;

    /**
     * @param tags the default tag, then optional per-row-type overrides: {@code "MRP,B=MGP"}
     * @param rows the row types carrying a value, as letters among {@code LFBS} ({@code .} = none)
     */
    StatField(String csvName, ValueType type, String tags, String rows, String description) {
        this.csvName = csvName;
        this.type = type;
        this.description = description;
        String[] parts = tags.split(",");
        this.tag = StatTag.parse(parts[0]);
        Map<RowType, StatTag> overrides = new EnumMap<>(RowType.class);
        for (int i = 1; i < parts.length; i++) {
            overrides.put(RowType.ofLetter(parts[i].charAt(0)), StatTag.parse(parts[i].substring(2)));
        }
        this.tagByRow = overrides;
        EnumSet<RowType> set = EnumSet.noneOf(RowType.class);
        for (char c : rows.toCharArray()) {
            if (c != '.') {
                set.add(RowType.ofLetter(c));
            }
        }
        this.rows = Collections.unmodifiableSet(set);
    }

    /** The column name, as in the CSV header and in typed/JSON output. */
    public String csvName() {
        return csvName;
    }

    /** The field number of typed and JSON output (module fields continue from 103). */
    public int position() {
        return ordinal();
    }

    /** The 0-based CSV column: as {@link #position()}, plus one after the {@code -} column. */
    public int csvColumn() {
        return isModule() ? ordinal() + 1 : ordinal();
    }

    /** True for the module counters that follow the CSV {@code -} column. */
    public boolean isModule() {
        return ordinal() > LAST_STATIC.ordinal();
    }

    public ValueType type() {
        return type;
    }

    /** The usual tag; see {@link #tag(RowType)} for the few fields whose tag depends on the row. */
    public StatTag tag() {
        return tag;
    }

    /** The tag printed for this field on a row of {@code rowType}. */
    public StatTag tag(RowType rowType) {
        return tagByRow.getOrDefault(rowType, tag);
    }

    /** The row types that can carry a value; on others the field is always empty. */
    public Set<RowType> rows() {
        return rows;
    }

    public boolean appliesTo(RowType rowType) {
        return rows.contains(rowType);
    }

    /** What the number means, in one line. */
    public String description() {
        return description;
    }

    /** The field of a CSV name, or null when there is none. */
    public static StatField byName(String csvName) {
        return BY_NAME.get(csvName);
    }
}
