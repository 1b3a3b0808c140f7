package io.tollgate.logship;

import java.util.ArrayList;
import java.util.List;

/**
 * HAProxy's {@code sample <ranges>:<size>}: of every window of {@code size} messages that reach a
 * target, only those whose 1-based position falls in one of the ranges are sent. {@code 1:2} sends
 * every other message; {@code 1-3,7:10} sends the 1st to 3rd and the 7th of each ten.
 */
public final class Sampling {

    private final int[] from;
    private final int[] to;
    private final int size;
    private final String text;

    private Sampling(int[] from, int[] to, int size, String text) {
        this.from = from;
        this.to = to;
        this.size = size;
        this.text = text;
    }

    /** True when the message with this 0-based index (counted per target) is to be sent. */
    public boolean accepts(long index) {
        long position = index % size + 1;
        for (int i = 0; i < from.length; i++) {
            if (position >= from[i] && position <= to[i]) {
                return true;
            }
        }
        return false;
    }

    public int size() {
        return size;
    }

    public static Sampling parse(String word) {
        int colon = word.lastIndexOf(':');
        if (colon <= 0 || colon == word.length() - 1) {
            throw new IllegalArgumentException("'sample' expects <ranges>:<size> such as 1-3,7:10, got '" + word + "'");
        }
        int size = number(word.substring(colon + 1), word, "size");
        List<int[]> ranges = new ArrayList<>();
        for (String range : word.substring(0, colon).split(",", -1)) {
            int dash = range.indexOf('-');
            int low = number(dash < 0 ? range : range.substring(0, dash), word, "range");
            int high = dash < 0 ? low : number(range.substring(dash + 1), word, "range");
            if (low > high || high > size) {
                throw new IllegalArgumentException("'sample' range '" + range + "' in '" + word
                        + "' must be ordered and within 1.." + size);
            }
            ranges.add(new int[] {low, high});
        }
        int[] from = new int[ranges.size()];
        int[] to = new int[ranges.size()];
        for (int i = 0; i < from.length; i++) {
            from[i] = ranges.get(i)[0];
            to[i] = ranges.get(i)[1];
        }
        return new Sampling(from, to, size, word);
    }

    private static int number(String digits, String word, String what) {
        try {
            int n = Integer.parseInt(digits);
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below with the whole word
        }
        throw new IllegalArgumentException("'sample' " + what + " '" + digits + "' in '" + word
                + "' is not a positive number");
    }

    @Override
    public String toString() {
        return text;
    }
}
