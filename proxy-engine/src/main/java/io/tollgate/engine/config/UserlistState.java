package io.tollgate.engine.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A {@code userlist} section while it is being parsed: users and groups with where each was declared. */
final class UserlistState {
    final String name;
    final Source source;
    final Map<String, User> users = new LinkedHashMap<>();
    final Map<String, Group> groups = new LinkedHashMap<>();

    UserlistState(String name, Source source) {
        this.name = name;
        this.source = source;
    }

    static final class User {
        final String name;
        final String password;
        final boolean insecure;
        final List<String> groups;
        final Source source;

        User(String name, String password, boolean insecure, List<String> groups, Source source) {
            this.name = name;
            this.password = password;
            this.insecure = insecure;
            this.groups = new ArrayList<>(groups);
            this.source = source;
        }
    }

    record Group(String name, List<String> users, Source source) {
    }
}
