package io.tollgate.engine.admin;

/** Told of every command run through the runtime API, refused ones included: the audit trail's feed. */
public interface AuditListener {
    /**
     * @param output  what the command answered ("" when it says nothing, as HAProxy)
     * @param allowed false when the caller's level did not allow it
     */
    void executed(Actor actor, String command, String output, boolean allowed);
}
