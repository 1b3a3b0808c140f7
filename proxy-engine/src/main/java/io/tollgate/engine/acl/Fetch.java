package io.tollgate.engine.acl;

/** Takes the samples of one criterion from a request and offers them to a test, stopping at the first match. */
@FunctionalInterface
interface Fetch {
    boolean anyMatch(RequestView request, PatternTest test);

    /** Wraps the compiled test once, for fetches that convert their samples (hdr_val, hdr_ip). */
    default PatternTest adapt(PatternTest test) {
        return test;
    }

    /** The kinds of sample a fetch yields, which decide the match methods it accepts. */
    enum Type { STRING, INTEGER, ADDRESS, BOOLEAN, METHOD }
}
