package io.tollgate.engine.config;

import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * HAProxy's "did you mean" matcher ({@code cfg_find_best_match} in {@code src/cfgparse.c}),
 * ported so Tollgate suggests the same word HAProxy would. A word's fingerprint counts its
 * character-class transitions (letter to letter, letter to digit, begin/end markers); the
 * candidate with the smallest total difference wins, unless the difference is more than twice
 * the length of either word, in which case nothing is suggested.
 */
final class WordFingerprint {
    private static final int SIZE = 1024;
    private static final int DIGIT = 27;
    private static final int OTHER = 28;

    private WordFingerprint() {
    }

    static String bestMatch(String word, Collection<String> candidates, Collection<String> extra) {
        int[] wordPrint = of(word);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (Collection<String> list : List.of(candidates, extra)) {
            for (String candidate : list) {
                int distance = distance(wordPrint, of(candidate));
                if (distance < bestDistance) {
                    bestDistance = distance;
                    best = candidate;
                }
            }
        }
        if (best == null || bestDistance > 2 * word.length() || bestDistance > 2 * best.length()) {
            return null;
        }
        return best;
    }

    static int[] of(String word) {
        int[] print = new int[SIZE];
        int from = OTHER;
        for (char raw : word.toLowerCase(Locale.ROOT).toCharArray()) {
            int to;
            if (raw >= 'a' && raw <= 'z') {
                to = raw - 'a' + 1;
            } else if (raw >= '0' && raw <= '9') {
                to = DIGIT;
            } else {
                to = OTHER;
            }
            print[to] = 1;
            print[32 * from + to]++;
            from = to;
        }
        print[32 * from + OTHER]++;
        return print;
    }

    private static int distance(int[] a, int[] b) {
        int sum = 0;
        for (int i = 0; i < SIZE; i++) {
            sum += Math.abs(a[i] - b[i]);
        }
        return sum;
    }
}
