package io.tollgate.console.stats;

/**
 * One {@code <td>} of a stats table: its text, and when it has them a tooltip, CSS classes and a
 * column span. Plain getters rather than a record: Thymeleaf reads JavaBean properties through a
 * shortcut that skips OGNL, which matters at tens of thousands of cells a page.
 */
public final class Cell {
    static final Cell EMPTY = new Cell("", null, null, 1);

    private final String text;
    private final String tip;
    private final String css;
    private final Integer span;

    private Cell(String text, String tip, String css, int span) {
        this.text = text;
        this.tip = tip;
        this.css = css;
        this.span = span > 1 ? span : null;
    }

    static Cell of(String text) {
        return text.isEmpty() ? EMPTY : new Cell(text, null, null, 1);
    }

    /** A cell with a tooltip; an empty tooltip is none. */
    static Cell tip(String text, String tip) {
        return new Cell(text, tip == null || tip.isEmpty() ? null : tip, null, 1);
    }

    /** A cell spanning {@code span} columns. */
    static Cell span(int span, String text, String css) {
        return new Cell(text, null, css, span);
    }

    /** The same cell with {@code css} classes. */
    Cell css(String css) {
        return new Cell(text, tip, css, span == null ? 1 : span);
    }

    public String getText() {
        return text;
    }

    /** The {@code title} tooltip, or null. */
    public String getTip() {
        return tip;
    }

    /** CSS classes, or null. */
    public String getCss() {
        return css;
    }

    /** The {@code colspan}, or null for one column. */
    public Integer getSpan() {
        return span;
    }
}
