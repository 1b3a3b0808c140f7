package io.tollgate.console.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads LF-ended lines with HAProxy's limit: a line must fit, LF included, in less than its 16 KB
 * buffer. Nothing longer is ever held, so a client sending megabytes costs 16 KB.
 */
final class LineReader {

    /** The longest line HAProxy 2.6 answers, LF included (16384 bytes is closed without answer). */
    static final int MAX_LINE = 16383;

    /** The line did not fit: HAProxy closes the connection without a word. */
    static final class TooLong extends IOException {
        TooLong() {
            super("command line longer than " + MAX_LINE + " bytes");
        }
    }

    private final InputStream in;
    private final byte[] line = new byte[MAX_LINE];

    LineReader(InputStream in) {
        this.in = in;
    }

    /** Whether bytes the client already sent wait here, so that a next line needs no new read. */
    boolean hasReceived() throws IOException {
        return in.available() > 0;
    }

    /**
     * The next line without its LF (malformed UTF-8 replaced, so garbage is just an unknown command),
     * or null at the end of the stream: an unfinished last line is dropped, as HAProxy waits for its LF.
     */
    String next() throws IOException {
        int length = 0;
        while (true) {
            int b = in.read();
            if (b < 0) {
                return null;
            }
            if (length == MAX_LINE) {
                throw new TooLong();
            }
            line[length++] = (byte) b;
            if (b == '\n') {
                return new String(Arrays.copyOf(line, length - 1), StandardCharsets.UTF_8);
            }
        }
    }
}
