package io.tollgate.console.stats;

import java.util.List;

/**
 * One proxy's table: the title bar and its rows in HAProxy's order (Frontend, listeners,
 * servers, Backend).
 *
 * @param tip        the title's tooltip ({@code stats show-legends}), or null
 * @param actionable whether the table carries the action form (admin rights and servers to act on)
 * @param backendId  what the form posts as {@code b}: {@code #<proxy id>}
 */
public record ProxyTable(String name, String tip, boolean actionable, String backendId, List<RowView> rows) {
}
