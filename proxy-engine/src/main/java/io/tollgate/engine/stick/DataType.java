package io.tollgate.engine.stick;

import java.util.Optional;

/**
 * The data a stick table can store per entry ({@code store <type>}), in HAProxy 2.6's order
 * ({@code STKTABLE_DT_*} in {@code include/haproxy/stick_table-t.h}), which is also the order
 * {@code show table} prints them in whatever order they were declared.
 */
public enum DataType {
    SERVER_ID("server_id", Nature.SIGNED),
    GPT0("gpt0", Nature.UNSIGNED),
    GPC0("gpc0", Nature.UNSIGNED),
    GPC0_RATE("gpc0_rate", Nature.RATE),
    CONN_CNT("conn_cnt", Nature.UNSIGNED),
    CONN_RATE("conn_rate", Nature.RATE),
    CONN_CUR("conn_cur", Nature.UNSIGNED),
    SESS_CNT("sess_cnt", Nature.UNSIGNED),
    SESS_RATE("sess_rate", Nature.RATE),
    HTTP_REQ_CNT("http_req_cnt", Nature.UNSIGNED),
    HTTP_REQ_RATE("http_req_rate", Nature.RATE),
    HTTP_ERR_CNT("http_err_cnt", Nature.UNSIGNED),
    HTTP_ERR_RATE("http_err_rate", Nature.RATE),
    BYTES_IN_CNT("bytes_in_cnt", Nature.UNSIGNED),
    BYTES_IN_RATE("bytes_in_rate", Nature.RATE),
    BYTES_OUT_CNT("bytes_out_cnt", Nature.UNSIGNED),
    BYTES_OUT_RATE("bytes_out_rate", Nature.RATE),
    GPC1("gpc1", Nature.UNSIGNED),
    GPC1_RATE("gpc1_rate", Nature.RATE),
    SERVER_KEY("server_key", Nature.TEXT),
    HTTP_FAIL_CNT("http_fail_cnt", Nature.UNSIGNED),
    HTTP_FAIL_RATE("http_fail_rate", Nature.RATE),
    /** {@code gpt(<n>)}: an array of general purpose tags, shown as gpt0, gpt1... */
    GPT("gpt", Nature.UNSIGNED, true),
    /** {@code gpc(<n>)}: an array of general purpose counters. */
    GPC("gpc", Nature.UNSIGNED, true),
    /** {@code gpc_rate(<n>,<period>)}: an array of rates, shown as gpc0_rate(period)... */
    GPC_RATE("gpc_rate", Nature.RATE, true);

    /** What kind of value a type holds, which decides how it is updated, read and printed. */
    public enum Nature {
        /** A signed 32-bit number in HAProxy (server_id). */
        SIGNED,
        /** A counter, gauge or tag (unsigned in HAProxy). */
        UNSIGNED,
        /** A frequency counter over the period given in the {@code store} option. */
        RATE,
        /** A string (server_key, the server's name or address). */
        TEXT
    }

    /** HAProxy's upper bound on {@code gpt(n)}, {@code gpc(n)} and {@code gpc_rate(n,...)}. */
    public static final int MAX_ARRAY_SIZE = 100;

    private final String keyword;
    private final Nature nature;
    private final boolean array;

    DataType(String keyword, Nature nature) {
        this(keyword, nature, false);
    }

    DataType(String keyword, Nature nature, boolean array) {
        this.keyword = keyword;
        this.nature = nature;
        this.array = array;
    }

    /** The name in {@code store}, {@code show table} and {@code data.<type>} filters. */
    public String keyword() {
        return keyword;
    }

    public Nature nature() {
        return nature;
    }

    public boolean isRate() {
        return nature == Nature.RATE;
    }

    /** Whether the option takes an element count first: {@code gpc(3)}. */
    public boolean isArray() {
        return array;
    }

    /** The type a {@code store} word names; {@code server_name} is 2.6's old name for server_key. */
    public static Optional<DataType> byKeyword(String word) {
        for (DataType type : values()) {
            if (type.keyword.equals(word)) {
                return Optional.of(type);
            }
        }
        return "server_name".equals(word) ? Optional.of(SERVER_KEY) : Optional.empty();
    }
}
