package io.tollgate.console.stats;

import java.util.List;

/**
 * One {@code <tr>} of a stats table: its CSS class (the colour legend's), the key the live
 * update finds it by ({@code <iid>/<sid>/<type letter>}, as the JSON export identifies a row), the
 * first column's label and tooltip, whether it gets an action checkbox, and the cells of the
 * Queue ... Server columns. Plain getters for Thymeleaf's fast path (see {@link Cell}).
 */
public final class RowView {
    private final String css;
    private final String key;
    private final String label;
    private final String tip;
    private final String server;
    private final List<Cell> cells;

    /**
     * @param server the server name an action checkbox posts, or null for rows without one
     */
    RowView(String css, String key, String label, String tip, String server, List<Cell> cells) {
        this.css = css;
        this.key = key;
        this.label = label;
        this.tip = tip;
        this.server = server;
        this.cells = List.copyOf(cells);
    }

    public String getCss() {
        return css;
    }

    public String getKey() {
        return key;
    }

    public String getLabel() {
        return label;
    }

    /** The label's tooltip ({@code stats show-legends}), or null. */
    public String getTip() {
        return tip;
    }

    /** The server name the action checkbox carries, or null. */
    public String getServer() {
        return server;
    }

    public List<Cell> getCells() {
        return cells;
    }
}
