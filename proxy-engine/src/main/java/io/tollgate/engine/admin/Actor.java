package io.tollgate.engine.admin;

/**
 * Who runs a command, for rights and the audit trail: a name (web user, socket peer), where from
 * (an address, a socket path), the door ({@code web}, {@code socket}, {@code reload}) and the level.
 */
public record Actor(String who, String from, String door, AccessLevel level) {
    /** The words HAProxy puts in state-change messages for this door. */
    String cause() {
        return door.equals("web") ? "changed from Web interface" : "changed from CLI";
    }
}
