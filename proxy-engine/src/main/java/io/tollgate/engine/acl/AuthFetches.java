package io.tollgate.engine.acl;

import io.tollgate.engine.auth.BasicCredentials;
import io.tollgate.engine.auth.Userlist;

import java.util.List;

/**
 * {@code http_auth(<userlist>)}: the request carries Basic credentials valid in the userlist;
 * {@code http_auth_group(<userlist>) <group> ...}: valid credentials whose user is in one of the
 * groups (the user's groups are the samples the patterns test); {@code http_auth_user}: the
 * user name sent, checked or not.
 */
final class AuthFetches {
    private AuthFetches() {
    }

    static Fetch valid(String keyword, String[] args) throws AclException {
        String list = listName(keyword, args);
        return (r, t) -> t.integer(user(r, list) != null ? 1 : 0);
    }

    static Fetch group(String keyword, String[] args) throws AclException {
        String list = listName(keyword, args);
        return (r, t) -> {
            String user = user(r, list);
            if (user == null) {
                return false;
            }
            Userlist ul = r.userlist(list);
            for (String g : ul.groups(user)) {
                if (t.string(g, 0, g.length())) {
                    return true;
                }
            }
            return false;
        };
    }

    static final Fetch USER = (r, t) -> {
        BasicCredentials c = credentials(r);
        return c != null && t.string(c.user(), 0, c.user().length());
    };

    private static String listName(String keyword, String[] args) throws AclException {
        if (args.length != 1 || args[0].isEmpty()) {
            throw new AclException("fetch method '" + keyword + "' expects a userlist name.");
        }
        return args[0];
    }

    /** The user whose credentials are valid in {@code list}, or null. */
    private static String user(RequestView r, String list) {
        Userlist ul = r.userlist(list);
        BasicCredentials c = ul == null ? null : credentials(r);
        return c != null && ul.check(c) ? c.user() : null;
    }

    private static BasicCredentials credentials(RequestView r) {
        List<String> values = r.headers("authorization");
        return values.isEmpty() ? null : BasicCredentials.parse(values.get(0));
    }
}
