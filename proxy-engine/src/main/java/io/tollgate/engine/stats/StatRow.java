package io.tollgate.engine.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One immutable line of stats: a frontend, backend, server or listener with a value per
 * {@link StatField}. A field is either absent (printed empty in CSV, omitted from typed output),
 * a number, or a text. Absent and the empty text differ: HAProxy prints {@code last_chk} as an
 * empty string in typed output while leaving unfilled fields out, and so does Tollgate.
 *
 * <p>The identity columns ({@code pxname}, {@code svname}, {@code pid}, {@code iid}, {@code sid},
 * {@code type}) are always present; the {@link Builder} sets them.
 */
public final class StatRow {
    /** In column order; {@code values()} would copy the array for every call. */
    private static final StatField[] FIELDS = StatField.values();
    private final RowType type;
    private final String proxyName;
    private final String svname;
    private final int iid;
    private final int sid;
    /** By field ordinal: a {@code Long}, a {@code String}, or null when absent. */
    private final Object[] values;

    private StatRow(StatRow from, Object[] values) {
        this.type = from.type;
        this.proxyName = from.proxyName;
        this.svname = from.svname;
        this.iid = from.iid;
        this.sid = from.sid;
        this.values = values;
    }

    /** The same row without {@code fields} (absent: empty in CSV, left out of typed and JSON). */
    public StatRow without(StatField... fields) {
        Object[] copy = values.clone();
        boolean changed = false;
        for (StatField f : fields) {
            changed |= copy[f.ordinal()] != null;
            copy[f.ordinal()] = null;
        }
        return changed ? new StatRow(this, copy) : this;
    }

    /** The same row with {@code field} set to {@code value} (the CLI's {@code UP (n/m)} backend status). */
    public StatRow withText(StatField field, String value) {
        if (field.type().isNumber() || !field.appliesTo(type)) {
            throw new IllegalArgumentException(field.csvName() + " takes no text on a " + type.word() + " row");
        }
        Object[] copy = values.clone();
        copy[field.ordinal()] = value;
        return new StatRow(this, copy);
    }

    private StatRow(Builder b) {
        this.type = b.type;
        this.proxyName = b.proxyName;
        this.svname = b.svname;
        this.iid = b.iid;
        this.sid = b.sid;
        this.values = b.values.clone();
    }

    /** A builder for a row; {@code sid} is 0 on FRONTEND and BACKEND rows. */
    public static Builder builder(RowType type, String proxyName, String svname, int iid, int sid) {
        return new Builder(type, proxyName, svname, iid, sid);
    }

    public RowType type() {
        return type;
    }

    public String proxyName() {
        return proxyName;
    }

    /** {@code FRONTEND}, {@code BACKEND}, or the server or listener name. */
    public String svname() {
        return svname;
    }

    /** The proxy id. */
    public int iid() {
        return iid;
    }

    /** The server or listener id; 0 on FRONTEND and BACKEND rows. */
    public int sid() {
        return sid;
    }

    public boolean has(StatField field) {
        return values[field.ordinal()] != null;
    }

    /** The fields with a value, in column order: those typed and JSON output print. */
    public List<StatField> presentFields() {
        List<StatField> present = new ArrayList<>(FIELDS.length);
        for (StatField f : FIELDS) {
            if (has(f)) {
                present.add(f);
            }
        }
        return present;
    }

    /** The value as a {@code Long} or a {@code String}, or null when absent. */
    public Object value(StatField field) {
        return values[field.ordinal()];
    }

    /** The number in a numeric field; fails when the field is absent or a text. */
    public long number(StatField field) {
        if (values[field.ordinal()] instanceof Long n) {
            return n;
        }
        throw new IllegalStateException(field.csvName() + " is not a number on " + this + ": "
                + values[field.ordinal()]);
    }

    /** The value as text (a number in decimal), or null when absent. */
    public String text(StatField field) {
        Object v = values[field.ordinal()];
        return v == null ? null : v.toString();
    }

    /** The value as CSV and typed output print it, before any quoting; empty when absent. */
    public String format(StatField field) {
        Object v = values[field.ordinal()];
        return v == null ? "" : v.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StatRow r && type == r.type && iid == r.iid && sid == r.sid
                && proxyName.equals(r.proxyName) && svname.equals(r.svname) && Arrays.equals(values, r.values);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, proxyName, svname, iid, sid, Arrays.hashCode(values));
    }

    @Override
    public String toString() {
        return type.letter() + ":" + proxyName + "/" + svname;
    }

    /**
     * Collects a row's values. Refuses a value on a row type the field does not apply to, and a
     * text in a numeric field or the reverse, so that a fill mistake fails in tests rather than
     * printing a column HAProxy leaves empty.
     */
    public static final class Builder {
        private final RowType type;
        private final String proxyName;
        private final String svname;
        private final int iid;
        private final int sid;
        private final Object[] values = new Object[StatField.values().length];

        private Builder(RowType type, String proxyName, String svname, int iid, int sid) {
            this.type = Objects.requireNonNull(type);
            this.proxyName = Objects.requireNonNull(proxyName);
            this.svname = Objects.requireNonNull(svname);
            this.iid = iid;
            this.sid = sid;
            text(StatField.PXNAME, proxyName);
            text(StatField.SVNAME, svname);
            number(StatField.PID, 1);
            number(StatField.IID, iid);
            number(StatField.SID, sid);
            number(StatField.TYPE, type.code());
        }

        public Builder number(StatField field, long value) {
            check(field, true);
            values[field.ordinal()] = value;
            return this;
        }

        /** Sets a text; a null text leaves the field absent. */
        public Builder text(StatField field, String value) {
            check(field, false);
            values[field.ordinal()] = value;
            return this;
        }

        /** Sets a number only when it is positive: HAProxy leaves unset limits (0) empty. */
        public Builder positive(StatField field, long value) {
            check(field, true);
            values[field.ordinal()] = value > 0 ? value : null;
            return this;
        }

        /** Sets every field of {@code fields} that applies to this row type to 0. */
        public Builder zeros(StatField... fields) {
            for (StatField f : fields) {
                if (f.appliesTo(type)) {
                    number(f, 0);
                }
            }
            return this;
        }

        public StatRow build() {
            return new StatRow(this);
        }

        private void check(StatField field, boolean number) {
            if (!field.appliesTo(type)) {
                throw new IllegalArgumentException(field.csvName() + " does not apply to a "
                        + type.word() + " row (" + proxyName + "/" + svname + ")");
            }
            if (field.type().isNumber() != number) {
                throw new IllegalArgumentException(field.csvName() + " is a " + field.type().word()
                        + " field, not a " + (number ? "number" : "text"));
            }
        }
    }
}
