package io.tollgate.console.stats;

import io.tollgate.engine.stats.StatField;
import io.tollgate.engine.stats.StatRow;

import static io.tollgate.engine.stats.StatField.*;

/**
 * The Server group's cells of a server row that need more than a number: Status with the time
 * since the last change and an arrow while checks move the server, LastChk with the check's
 * words as tooltip, Chk/Dwn/Dwntme (or {@code via <px>/<srv>} for a tracking server) and Thrtle.
 */
final class ServerCells {
    private static final String NO_CHECK = "no check";
    /** {@code chk} lets the page's script find the cell whose result makes a row a problem. */
    private static final String LAST_CHECK_CSS = "ac chk";

    private ServerCells() {
    }

    /** {@code 37s UP}, {@code 1m2s DOWN 1/2 ↑}, {@code 5s MAINT}, or italic {@code no check}. */
    static Cell status(StatRow sv) {
        String status = sv.format(STATUS);
        if (status.equals(NO_CHECK)) {
            return Cell.of(NO_CHECK).css("ac nocheck");
        }
        String since = sv.has(LASTCHG) ? CellText.duration(sv, LASTCHG) + " " : "";
        return Cell.of(since + status + arrow(status)).css("ac");
    }

    /** {@code ↑} for {@code DOWN x/y} (coming up), {@code ↓} for {@code UP x/y}, {@code NOLB x/y}, {@code DRAIN x/y}. */
    static String arrow(String status) {
        int space = status.indexOf(' ');
        if (space < 0 || space + 1 >= status.length() || !Character.isDigit(status.charAt(space + 1))) {
            return "";
        }
        return status.startsWith("DOWN") ? " \u2191" : " \u2193";
    }

    /**
     * {@code L7OK/200 in 3ms}, with {@code Layer7 check passed: OK} as tooltip; the agent's result
     * instead when the agent took the server down; empty without checks.
     */
    static Cell lastCheck(StatRow sv) {
        boolean agent = "DOWN (agent)".equals(sv.text(STATUS));
        StatField status = agent ? AGENT_STATUS : CHECK_STATUS;
        StatField code = agent ? AGENT_CODE : CHECK_CODE;
        StatField duration = agent ? AGENT_DURATION : CHECK_DURATION;
        String result = sv.text(status);
        if (result == null) {
            return Cell.EMPTY.css(LAST_CHECK_CSS);
        }
        StringBuilder text = new StringBuilder(result);
        if (sv.has(code)) {
            text.append('/').append(sv.number(code));
        }
        if (sv.value(duration) instanceof Long ms && ms >= 0) {
            text.append(" in ").append(ms).append("ms");
        }
        String tip = agent ? Tooltips.check(sv, AGENT_DESC, LAST_AGT) : Tooltips.check(sv, CHECK_DESC, LAST_CHK);
        return Cell.tip(text.toString(), tip).css(LAST_CHECK_CSS);
    }

    /** Chk, Dwn, Dwntme: failed checks, transitions to DOWN, time DOWN; or what the server tracks. */
    static void checks(StatRow sv, RowCells.Cells cells) {
        if (sv.has(TRACKED)) {
            cells.add(Cell.span(3, "via " + sv.text(TRACKED), "ac"));
        } else if (sv.has(CHKFAIL)) {
            String failed = CellText.number(sv, CHKFAIL);
            if (sv.has(HANAFAIL)) {
                failed += "/" + CellText.number(sv, HANAFAIL); // failures seen on live traffic ("observe")
            }
            cells.add(Cell.tip(failed, "Failed Health Checks"))
                    .add(CellText.number(sv, CHKDOWN))
                    .add(CellText.duration(sv, DOWNTIME));
        } else {
            cells.add(Cell.span(3, "", null));
        }
    }

    /** Thrtle: the slow-start percentage while warming up, else {@code -}. */
    static Cell throttle(StatRow sv) {
        return Cell.of(sv.value(THROTTLE) instanceof Long pct ? pct + " %" : "-").css("ac");
    }
}
