package io.tollgate.console.stats;

/**
 * The actions the page offers on checked servers, with the {@code action} value the form posts
 * and the label HAProxy's select shows, in HAProxy's order.
 */
public enum AdminAction {
    READY("ready", "Set state to READY"),
    DRAIN("drain", "Set state to DRAIN"),
    MAINT("maint", "Set state to MAINT"),
    DHLTH("dhlth", "Health: disable checks"),
    EHLTH("ehlth", "Health: enable checks"),
    HRUNN("hrunn", "Health: force UP"),
    HNOLB("hnolb", "Health: force NOLB"),
    HDOWN("hdown", "Health: force DOWN"),
    DAGENT("dagent", "Agent: disable checks"),
    EAGENT("eagent", "Agent: enable checks"),
    ARUNN("arunn", "Agent: force UP"),
    ADOWN("adown", "Agent: force DOWN"),
    SHUTDOWN("shutdown", "Kill Sessions");

    private final String value;
    private final String label;

    AdminAction(String value, String label) {
        this.value = value;
        this.label = label;
    }

    /** The posted {@code action} value. */
    public String getValue() {
        return value;
    }

    public String getLabel() {
        return label;
    }
}
