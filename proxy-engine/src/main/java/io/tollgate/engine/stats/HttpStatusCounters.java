package io.tollgate.engine.stats;

import java.util.concurrent.atomic.LongAdder;

/** Responses by status class: hrsp_1xx .. hrsp_5xx and hrsp_other. */
public final class HttpStatusCounters {
    private final LongAdder[] byClass = new LongAdder[6];

    public HttpStatusCounters() {
        for (int i = 0; i < byClass.length; i++) {
            byClass[i] = new LongAdder();
        }
    }

    /** Counts one response with this status code; codes outside 100-599 count as "other". */
    public void count(int status) {
        int cls = status / 100;
        byClass[cls >= 1 && cls <= 5 ? cls - 1 : 5].increment();
    }

    /** {@code clear counters all}. */
    public void clear() {
        for (LongAdder a : byClass) {
            a.reset();
        }
    }

    /** The count for a class: 1..5 for 1xx..5xx, 0 for "other". */
    public long get(int cls) {
        return byClass[cls >= 1 && cls <= 5 ? cls - 1 : 5].sum();
    }
}
