package io.tollgate.engine.acl;

import java.net.InetAddress;

/** The len match method: the sample's length in characters, tested as an integer. */
final class LengthTest implements PatternTest {
    private final IntTest lengths;

    LengthTest(IntTest lengths) {
        this.lengths = lengths;
    }

    @Override
    public boolean string(String s, int from, int to) {
        return lengths.integer(to - from);
    }

    @Override
    public boolean integer(long value) {
        return lengths.integer(Long.toString(value).length());
    }

    @Override
    public boolean address(InetAddress address) {
        return lengths.integer(address.getHostAddress().length());
    }
}
