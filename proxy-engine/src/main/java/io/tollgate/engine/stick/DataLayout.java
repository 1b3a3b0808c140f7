package io.tollgate.engine.stick;

import java.util.Arrays;

/**
 * Where each stored type lives in an entry's array of longs: one slot per counter, gauge or
 * tag, {@link FreqCounter#WIDTH} per rate; server_key is a field of its own. Built once per
 * table. As HAProxy 2.6's fetches and actions do, gpt0, gpc0, gpc1, gpc0_rate and gpc1_rate
 * fall back to elements 0 and 1 of the gpt, gpc and gpc_rate arrays when only those are
 * stored.
 */
final class DataLayout {
    private static final DataType[] TYPES = DataType.values();

    /** First slot of each type and element 0, or -1; the legacy names already resolved to arrays. */
    private final int[] offset = new int[TYPES.length];
    /** Element count per type (0 = not stored), with the same fallback. */
    private final int[] count = new int[TYPES.length];
    private final long[] period = new long[TYPES.length];
    /** Types that exist here only as an array element. */
    private final boolean[] aliased = new boolean[TYPES.length];
    private final int[] rateSlots;
    private final int length;

    DataLayout(StickTableSpec spec) {
        Arrays.fill(offset, -1);
        int next = 0;
        int rates = 0;
        for (StoredData data : spec.stored()) {
            int i = data.type().ordinal();
            count[i] = data.count();
            period[i] = data.periodMs();
            if (data.type().nature() != DataType.Nature.TEXT) {
                offset[i] = next;
                next += data.count() * width(data.type());
            }
            if (data.type().isRate()) {
                rates += data.count();
            }
        }
        fallBack(DataType.GPT0, DataType.GPT, 0);
        fallBack(DataType.GPC0, DataType.GPC, 0);
        fallBack(DataType.GPC1, DataType.GPC, 1);
        fallBack(DataType.GPC0_RATE, DataType.GPC_RATE, 0);
        fallBack(DataType.GPC1_RATE, DataType.GPC_RATE, 1);
        this.length = next;
        this.rateSlots = new int[rates];
        int r = 0;
        for (DataType type : TYPES) {
            if (type.isRate() && offset[type.ordinal()] >= 0 && !aliased[type.ordinal()]) {
                for (int e = 0; e < count[type.ordinal()]; e++) {
                    rateSlots[r++] = offset[type.ordinal()] + e * FreqCounter.WIDTH;
                }
            }
        }
    }

    private void fallBack(DataType legacy, DataType array, int element) {
        int a = array.ordinal();
        if (count[legacy.ordinal()] == 0 && count[a] > element) {
            offset[legacy.ordinal()] = offset[a] + element * width(array);
            count[legacy.ordinal()] = 1;
            period[legacy.ordinal()] = period[a];
            aliased[legacy.ordinal()] = true;
        }
    }

    private static int width(DataType type) {
        return type.isRate() ? FreqCounter.WIDTH : 1;
    }

    boolean stores(DataType type) {
        return count[type.ordinal()] > 0;
    }

    int count(DataType type) {
        return count[type.ordinal()];
    }

    /** The slot of element {@code index} of {@code type}, or -1 when not stored. */
    int slot(DataType type, int index) {
        int i = type.ordinal();
        return index >= 0 && index < count[i] ? offset[i] + index * width(type) : -1;
    }

    long period(DataType type) {
        return period[type.ordinal()];
    }

    /** How many longs an entry needs. */
    int length() {
        return length;
    }

    /** The first slot of every rate, to mark them empty when an entry is created. */
    int[] rateSlots() {
        return rateSlots;
    }
}
