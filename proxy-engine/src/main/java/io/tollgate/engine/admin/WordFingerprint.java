package io.tollgate.engine.admin;

import java.util.List;

/**
 * The distance HAProxy's CLI uses to suggest commands for a mistyped one ({@code tools.c}'s word
 * fingerprints): each word counts its letter transitions (letters, "digit", "other", with
 * word boundaries) in a 32x32 table whose row 0 marks which characters occur at all; the
 * distance is the sum of the cells' differences. Done the
 * same way so the suggestions after "Unknown command" are the ones HAProxy prints.
 */
final class WordFingerprint {
    private static final int BOUNDARY = 28;

    private WordFingerprint() {
    }

    static int distance(List<String> a, List<String> b) {
        int[] fa = of(a);
        int[] fb = of(b);
        int d = 0;
        for (int i = 0; i < fa.length; i++) {
            d += Math.abs(fa[i] - fb[i]);
        }
        return d;
    }

    private static int[] of(List<String> words) {
        int[] fp = new int[1024];
        for (String w : words) {
            int from = BOUNDARY;
            for (int i = 0; i < w.length(); i++) {
                int to = code(Character.toLowerCase(w.charAt(i)));
                fp[to] = 1;
                fp[32 * from + to]++;
                from = to;
            }
            fp[32 * from + BOUNDARY]++;
        }
        return fp;
    }

    private static int code(char c) {
        if (c >= 'a' && c <= 'z') {
            return c - 'a' + 1;
        }
        return c >= '0' && c <= '9' ? 27 : BOUNDARY;
    }
}
