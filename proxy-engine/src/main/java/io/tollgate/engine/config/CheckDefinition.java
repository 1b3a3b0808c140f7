package io.tollgate.engine.config;

/**
 * A backend's health-check type and what it sends and expects once connected: one record per
 * type ({@code option httpchk}, {@code option mysql-check}, {@code option tcp-check} with its
 * rules, ...). None (null in {@link ProxyRules#healthCheck()}) means a plain TCP connect.
 * As in HAProxy, the last check option of a section replaces the previous one.
 */
public interface CheckDefinition {
    /** The option as HAProxy names it: {@code httpchk}, {@code mysql-check}, {@code tcp-check}, ... */
    String type();
}
