package io.tollgate.engine.check;

import java.util.Locale;

/**
 * One line of an agent's reply, split into words as HAProxy 2.6 splits it (words separated by
 * spaces, tabs or commas, case-insensitive, the last of each kind winning, a {@code #} starting
 * the free description):
 *
 * @param health       the last health word as written ({@code up}, {@code down}, {@code stopped},
 *                     {@code fail}), or null
 * @param forcedHealth what the health words set the counter to before the result counts:
 *                     {@link #TOP} after {@code up}, 0 after {@code down}/{@code stopped}, -1 when
 *                     none did ({@code fail} alone only counts as a failure)
 * @param admin        the last admin word in lower case ({@code ready}, {@code drain}, {@code maint}), or null
 * @param weight       the last weight word ({@code 50%}), or null
 * @param maxconn      what follows the last {@code maxconn:}, or null
 * @param error        the first word understood as nothing, or null
 * @param description  the text after {@code #}, "" without one
 */
record AgentReply(String health, int forcedHealth, String admin, String weight, String maxconn, String error,
                  String description) {
    /** The top of the counter, whatever rise and fall are. */
    static final int TOP = Integer.MAX_VALUE;

    private static final String MAXCONN = "maxconn:";

    static AgentReply parse(String line) {
        Builder b = new Builder();
        int n = line.length();
        int i = 0;
        String description = "";
        while (i < n) {
            char c = line.charAt(i);
            if (c == ' ' || c == '\t' || c == ',') {
                i++;
                continue;
            }
            if (c == '#') {
                description = description(line, i + 1);
                break;
            }
            int end = i + 1;
            while (end < n && !endsWord(line.charAt(end))) {
                end++;
            }
            b.word(line.substring(i, end));
            i = end + 1; // the separator goes with the word
        }
        return new AgentReply(b.health, b.forcedHealth, b.admin, b.weight, b.maxconn, b.error, description);
    }

    /** Whether the reply says anything about health; without, the run is "No status change". */
    boolean hasHealth() {
        return health != null;
    }

    private static boolean endsWord(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == ',';
    }

    /** After {@code #}: blanks skipped, the rest kept as it is. */
    private static String description(String line, int from) {
        int i = from;
        while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
            i++;
        }
        return line.substring(i);
    }

    private static final class Builder {
        String health;
        int forcedHealth = -1;
        String admin;
        String weight;
        String maxconn;
        String error;

        void word(String word) {
            String lower = word.toLowerCase(Locale.ROOT);
            switch (lower) {
                case "up" -> health(word, TOP);
                case "down", "stopped" -> health(word, 0);
                case "fail" -> health(word, forcedHealth);
                case "ready", "drain", "maint" -> admin = lower;
                default -> other(word, lower);
            }
        }

        private void health(String word, int forced) {
            health = word;
            forcedHealth = forced;
        }

        private void other(String word, String lower) {
            char first = word.charAt(0);
            if (first >= '0' && first <= '9' && word.indexOf('%') >= 0) {
                weight = word;
            } else if (lower.startsWith(MAXCONN)) {
                maxconn = word.substring(MAXCONN.length());
            } else if (error == null) {
                error = word;
            }
        }
    }
}
