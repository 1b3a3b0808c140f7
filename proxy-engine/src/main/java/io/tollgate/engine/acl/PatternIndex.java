package io.tollgate.engine.acl;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.netty.util.NetUtil;

/**
 * The lines of a pattern file indexed to find the one that decides for a sample, as a map
 * lookup needs (the value to return) and {@code get acl|map} shows: exact strings by hash (the
 * first line of a key wins, as in HAProxy's tree), addresses and case-sensitive prefixes by
 * longest prefix (HAProxy's trees), every other method the first matching line in file order. Immutable: a change builds a new index.
 */
final class PatternIndex {
    private final Map<String, PatternRef.Item> exact;
    private final boolean foldCase;
    private final PatternTest[] tests;
    private final PatternRef.Item[] ordered;

    private PatternIndex(Map<String, PatternRef.Item> exact, boolean foldCase, PatternTest[] tests,
                         PatternRef.Item[] ordered) {
        this.exact = exact;
        this.foldCase = foldCase;
        this.tests = tests;
        this.ordered = ordered;
    }

    static PatternIndex build(MatchMethod method, boolean ignoreCase, List<PatternRef.Item> items) throws AclException {
        if (method == MatchMethod.STR) {
            Map<String, PatternRef.Item> exact = new HashMap<>(items.size() * 2);
            for (PatternRef.Item item : items) {
                exact.putIfAbsent(ignoreCase ? fold(item.key()) : item.key(), item);
            }
            return new PatternIndex(exact, ignoreCase, new PatternTest[0], new PatternRef.Item[0]);
        }
        List<PatternRef.Item> order = new ArrayList<>(items);
        if (method == MatchMethod.IP) {
            order.sort(Comparator.comparingInt((PatternRef.Item i) -> prefixLength(i.key())).reversed());
        } else if (method == MatchMethod.BEG && !ignoreCase) {
            // HAProxy's prefix tree finds the longest prefix: "/ab" before "/a" for "/abc"
            order.sort(Comparator.comparingInt((PatternRef.Item i) -> i.key().length()).reversed());
        }
        PatternTest[] tests = new PatternTest[order.size()];
        for (int i = 0; i < tests.length; i++) {
            tests[i] = method.compile(List.of(order.get(i).key()), ignoreCase);
        }
        return new PatternIndex(Map.of(), false, tests, order.toArray(new PatternRef.Item[0]));
    }

    /** How HAProxy stores such patterns: case-sensitive str and beg, and addresses, in trees; the rest in lists. */
    static String kind(MatchMethod method, boolean ignoreCase) {
        boolean tree = method == MatchMethod.IP || (!ignoreCase && (method == MatchMethod.STR || method == MatchMethod.BEG));
        return tree ? "tree" : "list";
    }

    /** The deciding line for a text sample, or null. */
    PatternRef.Item find(String sample) {
        if (tests.length == 0) {
            return exact.get(foldCase ? fold(sample) : sample);
        }
        for (int i = 0; i < tests.length; i++) {
            if (tests[i].string(sample, 0, sample.length())) {
                return ordered[i];
            }
        }
        return null;
    }

    private static String fold(String s) {
        return s.toLowerCase(Locale.ROOT);
    }

    /** Bits of a network pattern: {@code /n}, a dotted mask, or the whole address. */
    private static int prefixLength(String pattern) {
        int slash = pattern.indexOf('/');
        byte[] address = NetUtil.createByteArrayFromIpAddressString(slash < 0 ? pattern : pattern.substring(0, slash));
        int whole = address != null && address.length == 16 ? 128 : 32;
        if (slash < 0) {
            return whole;
        }
        String bits = pattern.substring(slash + 1);
        byte[] mask = bits.indexOf('.') >= 0 ? NetUtil.createByteArrayFromIpAddressString(bits) : null;
        if (mask != null) {
            int n = 0;
            for (byte b : mask) {
                n += Integer.bitCount(b & 0xff);
            }
            return n;
        }
        try {
            return Integer.parseInt(bits);
        } catch (NumberFormatException e) {
            return whole;
        }
    }
}
