package io.tollgate.console.stats;

import java.util.List;

/**
 * The banner over the tables after an action on the page ({@code ;st=<code>} in the URL the
 * action redirected to): HAProxy's result codes with their meaning and the legend colour that
 * says how it went. Any other code shows as {@link #UNKN}.
 */
public enum ActionResult {
    DONE("active_up", "Action processed successfully."),
    NONE("active_going_down", "Nothing has changed."),
    PART("active_going_down", "Action partially processed.",
            "Some server names are probably unknown or ambiguous (duplicated names in the backend)."),
    ERRP("active_down", "Action not processed because of invalid parameters.",
            "The action is maybe unknown.",
            "Invalid key parameter (empty or too long).",
            "The backend name is probably unknown or ambiguous (duplicated names).",
            "Some server names are probably unknown or ambiguous (duplicated names in the backend)."),
    EXCD("active_down", "Action not processed : the buffer couldn't store all the data.",
            "You should retry with less servers at a time."),
    DENY("active_down", "Action denied."),
    IVAL("active_down", "Invalid requests (unsupported method or chunked encoded request)."),
    UNKN("active_no_check", "Unexpected result.");

    private final String css;
    private final String message;
    private final List<String> reasons;

    ActionResult(String css, String message, String... reasons) {
        this.css = css;
        this.message = message;
        this.reasons = List.of(reasons);
    }

    /** The banner for a {@code ;st=} code, or null without one. */
    static ActionResult of(String code) {
        if (code == null) {
            return null;
        }
        for (ActionResult r : values()) {
            if (r.name().equals(code)) {
                return r;
            }
        }
        return UNKN;
    }

    public String getCss() {
        return css;
    }

    public String getMessage() {
        return message;
    }

    /** The possible causes, one line each (empty when the message says it all). */
    public List<String> getReasons() {
        return reasons;
    }
}
