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

    @Override
    public boolean string(String s, int from, int to) {
        return this == FOUND;
    }

    @Override
    public boolean address(InetAddress address) {
        return this == FOUND;
    }
}
