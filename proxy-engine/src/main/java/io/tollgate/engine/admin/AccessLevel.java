package io.tollgate.engine.admin;

/** The runtime API's levels, lowest first: a command above the caller's level is refused. */
public enum AccessLevel {
    USER, OPERATOR, ADMIN;

    public boolean allows(AccessLevel needed) {
        return compareTo(needed) >= 0;
    }
}
