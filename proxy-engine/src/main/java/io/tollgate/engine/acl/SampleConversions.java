package io.tollgate.engine.acl;

import java.net.InetAddress;

/** Wrappers that read text samples as integers (hdr_val, urlp_val) or addresses (hdr_ip). */
final class SampleConversions {
    private SampleConversions() {
    }

    static PatternTest toInteger(PatternTest test) {
        return new AsInteger(test);
    }

    static PatternTest toAddress(PatternTest test) {
        return new AsAddress(test);
    }

    private record AsInteger(PatternTest test) implements PatternTest {
        @Override
        public boolean string(String s, int from, int to) {
            return test.integer(IntTest.leadingInteger(s, from, to));
        }

        @Override
        public boolean integer(long value) {
            return test.integer(value);
        }

        @Override
        public boolean address(InetAddress address) {
            return false;
        }
    }

    /** Elements that are not an address are skipped, as hdr_ip() yields no sample for them. */
    private record AsAddress(PatternTest test) implements PatternTest {
        @Override
        public boolean string(String s, int from, int to) {
            InetAddress parsed = IpTest.parse(s, from, to);
            return parsed != null && test.address(parsed);
        }

        @Override
        public boolean integer(long value) {
            return false;
        }

        @Override
        public boolean address(InetAddress address) {
            return test.address(address);
        }
    }
}
