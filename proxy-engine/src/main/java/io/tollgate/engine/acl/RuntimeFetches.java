package io.tollgate.engine.acl;

/** Fetches that read the running proxies rather than the request: {@code nbsrv([<backend>])}. */
final class RuntimeFetches {
    private RuntimeFetches() {
    }

    /** nbsrv: how many servers of the backend (the current one when omitted) can take traffic. */
    static Fetch nbsrv(String keyword, String[] args) throws AclException {
        if (args.length > 1) {
            throw new AclException("fetch method '" + keyword + "' expects at most one backend name.");
        }
        String backend = args.length == 1 ? args[0] : null;
        return (r, t) -> {
            int n = r.usableServers(backend);
            return n >= 0 && t.integer(n);
        };
    }
}
