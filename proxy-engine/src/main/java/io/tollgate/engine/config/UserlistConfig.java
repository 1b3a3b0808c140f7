package io.tollgate.engine.config;

import java.util.List;

/** A {@code userlist} section: its users (name, password hash or insecure password, groups) and groups. */
public record UserlistConfig(String name, List<User> users, List<String> groups, Source source) {

    /** {@code user <name> password <hash> | insecure-password <pw> [groups g1,g2]}. */
    public record User(String name, String password, boolean insecure, List<String> groups) {
    }
}
