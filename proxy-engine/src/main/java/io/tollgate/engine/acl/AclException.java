package io.tollgate.engine.acl;

/** An ACL or condition that cannot be compiled; the message is worded as HAProxy words it. */
public final class AclException extends Exception {
    private static final long serialVersionUID = 1L;

    public AclException(String message) {
        super(message);
    }
}
