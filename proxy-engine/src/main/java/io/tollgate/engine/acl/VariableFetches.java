package io.tollgate.engine.acl;

import java.util.List;

/**
 * {@code var(<scope>.<name>)}: a variable set by {@code set-var}, and the response-side fetches
 * ({@code status}, {@code res.hdr}) that {@code http-response} conditions read.
 */
final class VariableFetches {
    /** The scopes HAProxy 2.6 knows, in the order its messages list them. */
    static final List<String> SCOPES = List.of("proc", "sess", "txn", "req", "res", "check");

    private VariableFetches() {
    }

    static Fetch variable(String keyword, String[] args) throws AclException {
        if (args.length < 1 || args.length > 2) {
            throw new AclException("fetch method '" + keyword + "' expects a variable name.");
        }
        String name = args[0].strip();
        checkName(name);
        String fallback = args.length > 1 ? args[1] : null;
        return (r, t) -> {
            String v = r.variable(name);
            if (v == null) {
                v = fallback;
            }
            return v != null && t.string(v, 0, v.length());
        };
    }

    /** Checks {@code <scope>.<name>} as HAProxy's vars_check_arg() does. */
    static void checkName(String name) throws AclException {
        int dot = name.indexOf('.');
        String scope = dot < 0 ? name : name.substring(0, dot);
        if (dot < 0 || !SCOPES.contains(scope) || dot == name.length() - 1) {
            throw new AclException("invalid variable name '" + name + "'. A variable name must be start by its scope. "
                    + "The scope can be 'proc', 'sess', 'txn', 'req', 'res' or 'check'");
        }
    }

    static final Fetch STATUS = (r, t) -> r.status() > 0 && t.integer(r.status());

    static Fetch responseHeader(String keyword, String[] args) throws AclException {
        if (args.length == 0 || args[0].isEmpty()) {
            throw new AclException("fetch method '" + keyword + "' : missing header name (Tollgate requires one).");
        }
        String name = args[0];
        int occurrence = 0;
        if (args.length > 1) {
            try {
                occurrence = Integer.parseInt(args[1]);
            } catch (NumberFormatException e) {
                throw new AclException("fetch method '" + keyword + "' : invalid occurrence '" + args[1] + "'.");
            }
        }
        int wanted = occurrence;
        return (r, t) -> HeaderFetches.elements(r.responseHeaders(name), wanted, t, true);
    }

    static Fetch responseHeaderCount(String keyword, String[] args) throws AclException {
        if (args.length == 0 || args[0].isEmpty()) {
            throw new AclException("fetch method '" + keyword + "' : missing header name (Tollgate requires one).");
        }
        String name = args[0];
        return (r, t) -> t.integer(r.responseHeaders(name).size());
    }
}
