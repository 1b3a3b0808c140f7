package io.tollgate.engine.check;

import io.tollgate.engine.config.ProxyConfig;

import java.util.Set;

/**
 * The numbers in an agent's reply, read as HAProxy 2.6 reads them, with its warning texts
 * (shown as {@code agent warns : <text>} in {@code last_agt}; some end with a newline, as
 * HAProxy's do): {@code <n>%} relative to the configured weight, {@code maxconn:<n>}.
 */
final class AgentValues {
    /** A value, or the warning that replaced it (value -1). */
    record Value(int value, String warning) {
        static Value of(int value) {
            return new Value(value, null);
        }

        static Value warn(String warning) {
            return new Value(-1, warning);
        }

        boolean ok() {
            return warning == null;
        }
    }

    /** HAProxy's largest weight. */
    static final int MAX_WEIGHT = 256;

    /** Algorithms that hash onto a map: without {@code hash-type consistent}, weights are static too. */
    private static final Set<String> HASHED = Set.of("source", "uri", "url_param", "hdr", "rdp-cookie", "hash");

    private AgentValues() {
    }

    /**
     * A weight word (it starts with a digit and holds a {@code %}): {@code <n>%} of the configured
     * weight, truncated, with {@code n} capped at 25600 and the result at 256. Static algorithms
     * only take {@code 0%} and {@code 100%}.
     */
    static Value weight(String word, int configuredWeight, ProxyConfig backend) {
        int end = digitsEnd(word, 0);
        long w = number(word, 0, end);
        String rest = word.substring(end);
        if (rest.equals("%")) {
            w = configuredWeight * Math.min(w, 25_600) / 100;
            w = Math.min(w, MAX_WEIGHT);
        } else if (w > MAX_WEIGHT) {
            return Value.warn("Absolute weight can only be between 0 and 256 inclusive.\n");
        } else if (!rest.isEmpty()) {
            return Value.warn("Trailing garbage in weight string");
        }
        if (w != 0 && w != configuredWeight && !hasDynamicWeights(backend)) {
            return Value.warn("Backend is using a static LB algorithm and only accepts weights '0%' and '100%'.\n");
        }
        return Value.of((int) w);
    }

    /**
     * What follows {@code maxconn:}: a number, 0 meaning no limit. HAProxy keeps it in an unsigned
     * int, so a negative one becomes huge: no limit in effect.
     */
    static Value maxconn(String text) {
        if (text.isEmpty()) {
            return Value.warn("Require <maxconn>.\n");
        }
        int start = 0;
        boolean negative = false;
        if (text.charAt(0) == '-' || text.charAt(0) == '+') {
            negative = text.charAt(0) == '-';
            start = 1;
        }
        int end = digitsEnd(text, start);
        if (end == start) {
            return Value.warn("maxconn string empty or preceded by garbage");
        }
        if (end != text.length()) {
            return Value.warn("Trailing garbage in maxconn string");
        }
        long v = number(text, start, end);
        long unsigned = (negative ? -v : v) & 0xFFFF_FFFFL;
        return Value.of((int) Math.min(unsigned, Integer.MAX_VALUE));
    }

    /** Whether the backend's algorithm takes any weight at run time (HAProxy's {@code BE_LB_PROP_DYN}). */
    static boolean hasDynamicWeights(ProxyConfig backend) {
        String balance = backend.balance() == null ? "roundrobin" : backend.balance();
        if (balance.equals("static-rr")) {
            return false;
        }
        return !HASHED.contains(balance) || (backend.hashType() != null && backend.hashType().startsWith("consistent"));
    }

    private static int digitsEnd(String s, int from) {
        int i = from;
        while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
            i++;
        }
        return i;
    }

    /** The digits from {@code from} to {@code end}, saturating as {@code strtol} does. */
    private static long number(String s, int from, int end) {
        long v = 0;
        for (int i = from; i < end; i++) {
            int d = s.charAt(i) - '0';
            v = v > (Long.MAX_VALUE - d) / 10 ? Long.MAX_VALUE : v * 10 + d;
        }
        return v;
    }
}
