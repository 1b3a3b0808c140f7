package io.tollgate.engine.acl;

import java.net.InetAddress;

/**
 * A compiled set of patterns with one match method. A fetch offers each sample in its own type;
 * the test converts where HAProxy's sample casts would (an integer to its decimal text, ...).
 */
interface PatternTest {
    /** Tests the characters {@code from..to} of {@code s}, so header elements need no substring. */
    boolean string(String s, int from, int to);

    boolean integer(long value);

    boolean address(InetAddress address);
}
