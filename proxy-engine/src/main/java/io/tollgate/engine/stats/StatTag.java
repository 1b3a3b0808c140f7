package io.tollgate.engine.stats;

/**
 * The origin/nature/scope of a stat value, printed as three letters in {@code show stat typed}
 * ({@code MGP}, {@code KNS}, ...) and as words in {@code show stat json} (HAProxy's
 * {@code FO_*|FN_*|FS_*} flags).
 */
public record StatTag(Origin origin, Nature nature, Scope scope) {

    /** The one letter each part contributes to the typed-output code. */
    interface Lettered {
        char letter();
    }

    /** Where the value comes from. */
    public enum Origin implements Lettered {
        METRIC('M', "Metric"), STATUS('S', "Status"), KEY('K', "Key"), CONFIG('C', "Config"),
        PRODUCT('P', "Product");

        private final char letter;
        private final String word;

        Origin(char letter, String word) {
            this.letter = letter;
            this.word = word;
        }

        @Override
        public char letter() {
            return letter;
        }

        public String word() {
            return word;
        }
    }

    /** What kind of number or text it is. */
    public enum Nature implements Lettered {
        GAUGE('G', "Gauge"), LIMIT('L', "Limit"), MIN('m', "Min"), MAX('M', "Max"), RATE('R', "Rate"),
        COUNTER('C', "Counter"), DURATION('D', "Duration"), AGE('A', "Age"), TIME('T', "Time"),
        NAME('N', "Name"), OUTPUT('O', "Output"), AVG('a', "Avg");

        private final char letter;
        private final String word;

        Nature(char letter, String word) {
            this.letter = letter;
            this.word = word;
        }

        @Override
        public char letter() {
            return letter;
        }

        public String word() {
            return word;
        }
    }

    /** How far the value is meaningful: this process, this service, the system, the cluster. */
    public enum Scope implements Lettered {
        PROCESS('P', "Process"), SERVICE('S', "Service"), SYSTEM('s', "System"), CLUSTER('C', "Cluster");

        private final char letter;
        private final String word;

        Scope(char letter, String word) {
            this.letter = letter;
            this.word = word;
        }

        @Override
        public char letter() {
            return letter;
        }

        public String word() {
            return word;
        }
    }

    /** The three letters of typed output, e.g. {@code MGP}. */
    public String code() {
        return new String(new char[] {origin.letter, nature.letter, scope.letter});
    }

    /** Reads a three-letter code such as {@code MCP}; letters are case-sensitive ({@code a} is AVG). */
    public static StatTag parse(String code) {
        if (code.length() != 3) {
            throw new IllegalArgumentException("stat tag '" + code + "' is not three letters");
        }
        return new StatTag(find(Origin.values(), code.charAt(0), code),
                find(Nature.values(), code.charAt(1), code),
                find(Scope.values(), code.charAt(2), code));
    }

    private static <E extends Lettered> E find(E[] values, char letter, String code) {
        for (E e : values) {
            if (e.letter() == letter) {
                return e;
            }
        }
        throw new IllegalArgumentException("stat tag '" + code + "': unknown letter '" + letter + "'");
    }

    @Override
    public String toString() {
        return code();
    }
}
