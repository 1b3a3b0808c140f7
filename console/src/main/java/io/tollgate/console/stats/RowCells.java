package io.tollgate.console.stats;

import io.tollgate.engine.stats.StatField;
import io.tollgate.engine.stats.StatRow;

import java.util.ArrayList;
import java.util.List;

import static io.tollgate.console.stats.CellText.duration;
import static io.tollgate.console.stats.CellText.limit;
import static io.tollgate.console.stats.CellText.number;
import static io.tollgate.engine.stats.StatField.*;

/**
 * The 30 cells of a row under Queue (3), Session rate (3), Sessions (6), Bytes (2), Denied (2),
 * Errors (3), Warnings (2) and Server (9), one method per row type as HAProxy lays them out:
 * which column is left empty, spans, or carries a tooltip follows its 2.6 page. Each method
 * reads left to right like the table's second header row.
 */
final class RowCells {
    /** Columns right of the name: the width every row's cells add up to. */
    static final int COLUMNS = 30;
    /** The Server group's columns after Status, empty on frontend and listener rows. */
    private static final int AFTER_STATUS = 8;

    private RowCells() {
    }

    static List<Cell> frontend(StatRow fe) {
        Cells c = new Cells();
        c.add(Cell.span(3, "", null)); // a frontend has no queue
        c.add(Cell.tip(number(fe, RATE), Tooltips.frontendRates(fe, true)))
                .add(Cell.tip(number(fe, RATE_MAX), Tooltips.frontendRates(fe, false)))
                .add(limit(fe, RATE_LIM));
        c.add(number(fe, SCUR)).add(number(fe, SMAX)).add(limit(fe, SLIM))
                .add(Cell.tip(number(fe, STOT), Tooltips.sessionsTotal(fe))).add("").add("");
        return acceptingSide(fe, c);
    }

    /** A listener ({@code option socket-stats}): sessions, bytes and its state only. */
    static List<Cell> listener(StatRow li) {
        Cells c = new Cells();
        c.add(Cell.span(3, "", null)).add(Cell.span(3, "", null));
        c.add(number(li, SCUR)).add(number(li, SMAX)).add(limit(li, SLIM)).add(number(li, STOT)).add("").add("");
        return acceptingSide(li, c);
    }

    /**
     * Bytes to Server for a frontend or a listener: what the client side counts, then its state;
     * the server-side columns stay empty.
     */
    private static List<Cell> acceptingSide(StatRow row, Cells c) {
        c.add(number(row, BIN)).add(number(row, BOUT));
        c.add(number(row, DREQ)).add(number(row, DRESP));
        c.add(number(row, EREQ)).add("").add("");
        c.add("").add("");
        return c.status(row).add(Cell.span(AFTER_STATUS, "", null)).done();
    }

    static List<Cell> server(StatRow sv) {
        Cells c = new Cells();
        c.add(number(sv, QCUR)).add(number(sv, QMAX)).add(limit(sv, QLIMIT));
        c.add(number(sv, RATE)).add(number(sv, RATE_MAX)).add("");
        c.add(Cell.tip(number(sv, SCUR), Tooltips.serverConnections(sv))).add(number(sv, SMAX)).add(limit(sv, SLIM))
                .add(Cell.tip(number(sv, STOT), Tooltips.sessionsTotal(sv))).add(number(sv, LBTOT))
                .add(duration(sv, LASTSESS));
        c.add(number(sv, BIN)).add(number(sv, BOUT));
        c.add("").add(number(sv, DRESP));
        c.add("").add(number(sv, ECON)).add(Cell.tip(number(sv, ERESP), Tooltips.resets(sv)));
        c.add(number(sv, WRETR)).add(number(sv, WREDIS));
        c.add(ServerCells.status(sv)).add(ServerCells.lastCheck(sv)).add(weights(sv))
                .add(Cell.of(flag(sv, ACT)).css("ac")).add(Cell.of(flag(sv, BCK)).css("ac"));
        ServerCells.checks(sv, c);
        return c.add(ServerCells.throttle(sv)).done();
    }

    static List<Cell> backend(StatRow be) {
        Cells c = new Cells();
        c.add(number(be, QCUR)).add(number(be, QMAX)).add("");
        c.add(number(be, RATE)).add(number(be, RATE_MAX)).add("");
        c.add(number(be, SCUR)).add(number(be, SMAX)).add(number(be, SLIM))
                .add(Cell.tip(number(be, STOT), Tooltips.sessionsTotal(be))).add(number(be, LBTOT))
                .add(duration(be, LASTSESS));
        c.add(number(be, BIN)).add(number(be, BOUT));
        c.add(number(be, DREQ)).add(number(be, DRESP));
        c.add("").add(number(be, ECON)).add(Cell.tip(number(be, ERESP), Tooltips.resets(be)));
        c.add(number(be, WRETR)).add(number(be, WREDIS));
        String status = be.text(STATUS);
        String since = be.has(LASTCHG) ? duration(be, LASTCHG) + " " : "";
        c.add(Cell.of(since + status).css("DOWN".equals(status) ? "ac down" : "ac"))
                .add(Cell.EMPTY.css("ac")).add(weights(be))
                .add(Cell.of(number(be, ACT)).css("ac")).add(Cell.of(number(be, BCK)).css("ac"));
        c.add(Cell.EMPTY.css("ac")).add(number(be, CHKDOWN)).add(duration(be, DOWNTIME));
        return c.add("").done();
    }

    /** Wght: the effective weight over the configured one. */
    private static Cell weights(StatRow row) {
        return Cell.of(number(row, WEIGHT) + "/" + number(row, UWEIGHT)).css("ac");
    }

    private static String flag(StatRow sv, StatField field) {
        return sv.value(field) instanceof Long n && n > 0 ? "Y" : "-";
    }

    /** Collects one row's cells and checks that they fill the table's width. */
    static final class Cells {
        private final List<Cell> cells = new ArrayList<>(COLUMNS);
        private int width;

        Cells add(Cell cell) {
            cells.add(cell);
            width += cell.getSpan() == null ? 1 : cell.getSpan();
            return this;
        }

        Cells add(String text) {
            return add(Cell.of(text));
        }

        /** The Status cell of a frontend or listener: {@code OPEN}, {@code STOP}, {@code FULL}, ... */
        Cells status(StatRow row) {
            return add(Cell.of(row.format(STATUS)).css("ac"));
        }

        List<Cell> done() {
            if (width != COLUMNS) {
                throw new IllegalStateException("a row of " + width + " columns instead of " + COLUMNS);
            }
            return cells;
        }
    }
}
