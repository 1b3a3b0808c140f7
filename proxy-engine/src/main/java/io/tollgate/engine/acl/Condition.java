package io.tollgate.engine.acl;

/** A compiled {@code if|unless} condition, evaluated per request on an event loop. */
@FunctionalInterface
public interface Condition {
    Condition ALWAYS = request -> true;

    boolean matches(RequestView request);
}
