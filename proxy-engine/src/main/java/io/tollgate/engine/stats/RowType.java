package io.tollgate.engine.stats;

/**
 * The kind of object a stats row describes, with the code of the CSV {@code type} column, the
 * letter of {@code show stat typed} and the {@code objType} word of {@code show stat json}.
 */
public enum RowType {
    FRONTEND(0, 'F', "Frontend"),
    BACKEND(1, 'B', "Backend"),
    SERVER(2, 'S', "Server"),
    LISTENER(3, 'L', "Listener");

    private final int code;
    private final char letter;
    private final String word;

    RowType(int code, char letter, String word) {
        this.code = code;
        this.letter = letter;
        this.word = word;
    }

    /** The CSV {@code type} value: 0 frontend, 1 backend, 2 server, 3 listener. */
    public int code() {
        return code;
    }

    /** The typed-output object letter: F, B, S or L. */
    public char letter() {
        return letter;
    }

    public String word() {
        return word;
    }

    public static RowType ofLetter(char letter) {
        for (RowType t : values()) {
            if (t.letter == letter) {
                return t;
            }
        }
        throw new IllegalArgumentException("no row type '" + letter + "'");
    }
}
