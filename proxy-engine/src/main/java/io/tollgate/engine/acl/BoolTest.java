package io.tollgate.engine.acl;

import java.net.InetAddress;

/** The bool (non-zero) and found (any sample at all) match methods, which take no patterns. */
enum BoolTest implements PatternTest {
    TRUTH {
        @Override
        public boolean integer(long value) {
            return value != 0;
        }
    },
    FOUND {
        @Override
        public boolean integer(long value) {
            return true;
        }
    };

    /** A text sample is cast to an integer first, as HAProxy casts it (leading digits, else 0). */
    @Override
    public boolean string(String s, int from, int to) {
        return this == FOUND || IntTest.leadingInteger(s, from, to) != 0;
    }

    @Override
    public boolean address(InetAddress address) {
        return this == FOUND;
    }
}
