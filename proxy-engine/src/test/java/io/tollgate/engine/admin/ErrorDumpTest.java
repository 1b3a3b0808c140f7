package io.tollgate.engine.admin;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The byte dump of {@code show errors} against HAProxy 2.6.12's own: the request below was sent
 * to {@code haproxy -db} and the lines are those its {@code show errors} printed (escapes in
 * upper-case hex, {@code +} on continued lines, 80 columns with the prefix).
 */
class ErrorDumpTest {
    private static String dump(byte[] b) {
        StringBuilder out = new StringBuilder();
        int[] line = {0};
        int ptr = 0;
        while (ptr < b.length) {
            ptr = ErrorCommands.dumpLine(out, b, ptr, line);
        }
        return out.toString();
    }

    @Test
    void wrapsLongLinesAndEscapesAsHaproxy() {
        byte[] request = ("POST /" + "abcdefghij".repeat(10) + "?q=\u007f\u00ff\" HTTP/1.1\r\nHost: www.example.com\r\n"
                + "X-Long: " + "0123456789".repeat(9) + "\r\nBad Header: v\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
        assertThat(dump(request)).isEqualTo("""
                  00000  POST /abcdefghijabcdefghijabcdefghijabcdefghijabcdefghijabcdefghijabcd
                  00070+ efghijabcdefghijabcdefghijabcdefghij?q=\\x7F\\xFF" HTTP/1.1\\r\\n
                  00123  Host: www.example.com\\r\\n
                  00146  X-Long: 01234567890123456789012345678901234567890123456789012345678901
                  00216+ 2345678901234567890123456789\\r\\n
                  00246  Bad Header: v\\r\\n
                  00261  \\r\\n
                """);
    }

    @Test
    void escapesTabsBackslashesAndEscapeAndEndsAnUnfinishedLine() {
        byte[] b = "a\tb\\c\u001bd\u0000".getBytes(StandardCharsets.ISO_8859_1);
        assertThat(dump(b)).isEqualTo("  00000  a\\tb\\\\c\\ed\\x00\n");
    }
}
