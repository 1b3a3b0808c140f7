package io.tollgate.engine.acl;

import io.tollgate.engine.stick.DataType;
import io.tollgate.engine.stick.Entry;
import io.tollgate.engine.stick.StickTable;

import java.util.Map;
import java.util.function.ToLongFunction;

/**
 * Stick-counter fetches: {@code sc_<data>(<ctr>[,<table>])}, {@code sc0_<data>([<table>])} (also
 * sc1, sc2) read the entry a {@code track-sc} rule tracks; {@code src_<data>([<table>])} looks the
 * client's address up in a table. As in HAProxy: an untracked counter or a data type the table
 * does not store gives no sample; an address absent from the table gives 0.
 */
final class StickFetches {
    /** The data a fetch reads, by the name it takes after the prefix. */
    private static final Map<String, ToLongFunction<Entry>> DATA = Map.ofEntries(
            Map.entry("conn_cnt", e -> read(e, DataType.CONN_CNT, false)),
            Map.entry("conn_cur", e -> read(e, DataType.CONN_CUR, false)),
            Map.entry("conn_rate", e -> read(e, DataType.CONN_RATE, true)),
            Map.entry("sess_cnt", e -> read(e, DataType.SESS_CNT, false)),
            Map.entry("sess_rate", e -> read(e, DataType.SESS_RATE, true)),
            Map.entry("http_req_cnt", e -> read(e, DataType.HTTP_REQ_CNT, false)),
            Map.entry("http_req_rate", e -> read(e, DataType.HTTP_REQ_RATE, true)),
            Map.entry("http_err_cnt", e -> read(e, DataType.HTTP_ERR_CNT, false)),
            Map.entry("http_err_rate", e -> read(e, DataType.HTTP_ERR_RATE, true)),
            Map.entry("http_fail_cnt", e -> read(e, DataType.HTTP_FAIL_CNT, false)),
            Map.entry("http_fail_rate", e -> read(e, DataType.HTTP_FAIL_RATE, true)),
            Map.entry("bytes_in_rate", e -> read(e, DataType.BYTES_IN_RATE, true)),
            Map.entry("bytes_out_rate", e -> read(e, DataType.BYTES_OUT_RATE, true)),
            Map.entry("kbytes_in", e -> scaled(e, DataType.BYTES_IN_CNT)),
            Map.entry("kbytes_out", e -> scaled(e, DataType.BYTES_OUT_CNT)),
            Map.entry("get_gpc0", e -> read(e, DataType.GPC0, false)),
            Map.entry("get_gpc1", e -> read(e, DataType.GPC1, false)),
            Map.entry("gpc0_rate", e -> read(e, DataType.GPC0_RATE, true)),
            Map.entry("gpc1_rate", e -> read(e, DataType.GPC1_RATE, true)),
            Map.entry("get_gpt0", e -> read(e, DataType.GPT0, false)),
            Map.entry("inc_gpc0", e -> e.stores(DataType.GPC0) ? e.incGpc0() : Long.MIN_VALUE),
            Map.entry("inc_gpc1", e -> e.stores(DataType.GPC1) ? e.incGpc1() : Long.MIN_VALUE),
            Map.entry("clr_gpc0", e -> e.stores(DataType.GPC0) ? e.clearGpc0() : Long.MIN_VALUE),
            Map.entry("clr_gpc1", e -> e.stores(DataType.GPC1) ? e.clearGpc1() : Long.MIN_VALUE),
            Map.entry("trackers", e -> e.refs()));

    private StickFetches() {
    }

    /** Registers every prefix/data combination with {@code sink}. */
    static void register(java.util.function.BiConsumer<String, Criteria.FetchFactory> sink) {
        for (Map.Entry<String, ToLongFunction<Entry>> d : DATA.entrySet()) {
            String data = d.getKey();
            ToLongFunction<Entry> reader = d.getValue();
            sink.accept("sc_" + data, (k, a) -> counter(k, a, -1, reader));
            for (int n = 0; n < 3; n++) {
                int counter = n;
                sink.accept("sc" + n + "_" + data, (k, a) -> counter(k, a, counter, reader));
            }
            sink.accept("src_" + data, (k, a) -> source(k, a, reader));
        }
    }

    /** sc_x(ctr[,table]) when {@code fixed} is -1, else scN_x([table]). */
    private static Fetch counter(String keyword, String[] args, int fixed, ToLongFunction<Entry> reader)
            throws AclException {
        int counter = fixed;
        int tableAt = 0;
        if (fixed < 0) {
            if (args.length < 1) {
                throw new AclException("fetch method '" + keyword + "' expects a stick counter number.");
            }
            try {
                counter = Integer.parseInt(args[0].strip());
            } catch (NumberFormatException e) {
                counter = -1;
            }
            if (counter < 0 || counter > 2) {
                throw new AclException("fetch method '" + keyword + "' : invalid stick counter '" + args[0]
                        + "' (expects 0, 1 or 2).");
            }
            tableAt = 1;
        }
        String table = args.length > tableAt ? args[tableAt].strip() : null;
        if (args.length > tableAt + 1) {
            throw new AclException("fetch method '" + keyword + "' : too many arguments.");
        }
        int ctr = counter;
        return (r, t) -> {
            StickContext ctx = r.stickContext();
            Entry e = ctx == null ? null : ctx.tracked(ctr);
            if (e == null) {
                return false;
            }
            if (table != null) {
                StickTable other = ctx.table(table);
                e = other == null ? null : other.lookup(e.key());
                if (e == null) {
                    return t.integer(0);
                }
            }
            long v = reader.applyAsLong(e);
            return v != Long.MIN_VALUE && t.integer(v);
        };
    }

    private static Fetch source(String keyword, String[] args, ToLongFunction<Entry> reader) throws AclException {
        if (args.length > 1) {
            throw new AclException("fetch method '" + keyword + "' : too many arguments.");
        }
        String table = args.length == 1 ? args[0].strip() : null;
        return (r, t) -> {
            StickContext ctx = r.stickContext();
            StickTable st = ctx == null ? null : ctx.table(table);
            if (st == null || r.source() == null) {
                return false;
            }
            Entry e = st.lookup(st.keyOf(r.source()));
            if (e == null) {
                return t.integer(0);
            }
            long v = reader.applyAsLong(e);
            return v != Long.MIN_VALUE && t.integer(v);
        };
    }

    private static long read(Entry e, DataType type, boolean rate) {
        if (!e.stores(type)) {
            return Long.MIN_VALUE;
        }
        return rate ? e.rate(type) : e.get(type);
    }

    private static long scaled(Entry e, DataType type) {
        return e.stores(type) ? e.get(type) / 1024 : Long.MIN_VALUE;
    }
}
