package io.tollgate.engine.config;

import java.util.Arrays;
import java.util.List;

/**
 * The {@code userlist} section: {@code user <name> [password <hash> | insecure-password <pw>]
 * [groups <g1,g2>]} and {@code group <name> [users <u1,u2>]}. References between users and
 * groups are checked once the whole configuration is read, as HAProxy does.
 */
final class UserlistKeywords {
    static final KeywordTable<UserlistState> TABLE = new KeywordTable<UserlistState>()
            .add("user", UserlistKeywords::user)
            .add("group", UserlistKeywords::group);

    private UserlistKeywords() {
    }

    private static void user(Line line, UserlistState list, Problems problems) throws KeywordException {
        String name = line.arg(1);
        if (name.isEmpty()) {
            throw new KeywordException("'user' expects <user_name> as arguments.");
        }
        if (list.users.containsKey(name)) {
            problems.warn(line.source(), "ignoring duplicated user '" + name + "' in userlist '" + list.name + "'.");
            return;
        }
        String password = null;
        boolean insecure = false;
        List<String> groups = List.of();
        int i = 2;
        while (line.has(i)) {
            String option = line.arg(i);
            String value = line.arg(i + 1);
            switch (option) {
                case "password", "insecure-password" -> {
                    if (value.isEmpty()) {
                        throw new KeywordException("'" + option + "' expects a password as argument.");
                    }
                    password = value;
                    insecure = option.equals("insecure-password");
                }
                case "groups" -> groups = split(value, "groups");
                default -> throw new KeywordException("'user' only supports 'password', 'insecure-password' and "
                        + "'groups' options (got '" + option + "').");
            }
            i += 2;
        }
        if (password != null && !insecure) {
            try {
                io.tollgate.engine.auth.CryptHash.check(password);
            } catch (io.tollgate.engine.auth.CryptHashException e) {
                problems.warn(line.source(), "userlist '" + list.name + "', user '" + name + "': " + e.getMessage()
                        + "; this user will never be authenticated.");
            }
        }
        list.users.put(name, new UserlistState.User(name, password, insecure, groups, line.source()));
    }

    private static void group(Line line, UserlistState list, Problems problems) throws KeywordException {
        String name = line.arg(1);
        if (name.isEmpty()) {
            throw new KeywordException("'group' expects <group_name> as arguments.");
        }
        if (list.groups.containsKey(name)) {
            problems.warn(line.source(), "ignoring duplicated group '" + name + "' in userlist '" + list.name + "'.");
            return;
        }
        List<String> users = List.of();
        if (line.has(2)) {
            if (!line.arg(2).equals("users")) {
                throw new KeywordException("'group' only supports 'users' option (got '" + line.arg(2) + "').");
            }
            users = split(line.arg(3), "users");
            Args.atMost(line, 3, "group");
        }
        list.groups.put(name, new UserlistState.Group(name, users, line.source()));
    }

    private static List<String> split(String value, String option) throws KeywordException {
        if (value.isEmpty()) {
            throw new KeywordException("'" + option + "' expects a comma-separated list as argument.");
        }
        return Arrays.stream(value.split(",")).filter(s -> !s.isEmpty()).toList();
    }
}
