package io.tollgate.engine.acl;

import java.net.InetAddress;
import java.util.List;

/**
 * The int match method: each pattern is a value, a range {@code a:b} ({@code :b} and {@code a:}
 * open), or follows an operator {@code eq ge gt le lt} that holds for the patterns after it,
 * as HAProxy's compatibility layer in {@code parse_acl_expr()} reads them.
 */
final class IntTest implements PatternTest {
    private final long[] min;
    private final long[] max;

    private IntTest(long[] min, long[] max) {
        this.min = min;
        this.max = max;
    }

    static IntTest parse(List<String> patterns) throws AclException {
        long[] min = new long[patterns.size()];
        long[] max = new long[patterns.size()];
        int n = 0;
        String operator = "eq";
        for (String p : patterns) {
            if (p.equals("eq") || p.equals("ge") || p.equals("gt") || p.equals("le") || p.equals("lt")) {
                operator = p;
                continue;
            }
            if (!operator.equals("eq") || p.indexOf(':') < 0) {
                long v = number(p, "'" + p + "' is not a number.");
                switch (operator) {
                    case "ge" -> { min[n] = v; max[n] = Long.MAX_VALUE; }
                    case "gt" -> { min[n] = v + 1; max[n] = Long.MAX_VALUE; }
                    case "le" -> { min[n] = Long.MIN_VALUE; max[n] = v; }
                    case "lt" -> { min[n] = Long.MIN_VALUE; max[n] = v - 1; }
                    default -> { min[n] = v; max[n] = v; }
                }
            } else {
                int colon = p.indexOf(':');
                String error = "'" + p + "' is not a valid number range.";
                String low = p.substring(0, colon);
                String high = p.substring(colon + 1);
                min[n] = low.isEmpty() ? Long.MIN_VALUE : number(low, error);
                max[n] = high.isEmpty() ? Long.MAX_VALUE : number(high, error);
            }
            n++;
        }
        return new IntTest(java.util.Arrays.copyOf(min, n), java.util.Arrays.copyOf(max, n));
    }

    private static long number(String text, String error) throws AclException {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new AclException(error);
        }
    }

    @Override
    public boolean integer(long value) {
        for (int i = 0; i < min.length; i++) {
            if (value >= min[i] && value <= max[i]) {
                return true;
            }
        }
        return false;
    }

    /** Text becomes its leading integer (0 when none), as HAProxy's str-to-int cast reads it. */
    @Override
    public boolean string(String s, int from, int to) {
        return from < to && integer(leadingInteger(s, from, to));
    }

    @Override
    public boolean address(InetAddress address) {
        return false;
    }

    /** HAProxy's read_int64(): an optional sign, then digits up to the first other character. */
    static long leadingInteger(String s, int from, int to) {
        int i = from;
        boolean negative = false;
        if (i < to && (s.charAt(i) == '-' || s.charAt(i) == '+')) {
            negative = s.charAt(i++) == '-';
        }
        long value = 0;
        while (i < to && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
            value = value * 10 + (s.charAt(i++) - '0');
        }
        return negative ? -value : value;
    }
}
