package io.tollgate.engine.http;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Where a head goes wrong: each case was sent to HAProxy 2.6.12 ({@code haproxy -db}) and the
 * position, state and message flags are those its {@code show errors} printed.
 */
class H1SyntaxTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            GET /\\x01 HTTP/1.1\\r\\nHost: x\\r\\n\\r\\n                  | true  | 5  | MSG_RQURI(4)       | 0x1400
            GET /a#b HTTP/1.1\\r\\nHost: x\\r\\n\\r\\n                  | true  | 6  | MSG_RQURI(4)       | 0x1400
            GET /a\\tb HTTP/1.1\\r\\nHost: x\\r\\n\\r\\n                | true  | 7  | MSG_RQVER(6)       | 0x1400
            GET / HTTP/1.1 x\\r\\nHost: x\\r\\n\\r\\n                   | true  | 14 | MSG_RQVER(6)       | 0x1400
            G(T / HTTP/1.1\\r\\nHost: x\\r\\n\\r\\n                     | true  | 1  | MSG_RQMETH(2)      | 0x1400
            GET / HTTP/1.1\\rHost: x\\r\\n\\r\\n                        | true  | 15 | MSG_RQLINE_END(7)  | 0x1410
            GET / HTTP/1.1\\r\\nHost: x\\r\\nBad Header: v\\r\\n\\r\\n   | true  | 28 | MSG_HDR_NAME(17)   | 0x1410
            GET / HTTP/1.0\\r\\nHo st: x\\r\\n\\r\\n                    | true  | 18 | MSG_HDR_NAME(17)   | 0x1400
            HTTP/1.1 2x0 OK\\r\\nContent-Length: 0\\r\\n\\r\\n          | false | 10 | MSG_RPCODE(12)     | 0x1414
            """)
    void findsTheFirstInvalidByteAsHaproxy(String text, boolean request, int position, String state, String flags) {
        byte[] b = unescape(text.strip()).getBytes(StandardCharsets.ISO_8859_1);
        H1Syntax.Error e = H1Syntax.locate(b, b.length, request);
        assertThat(e.position()).isEqualTo(position);
        assertThat(H1Syntax.stateName(e.state()) + "(" + e.state() + ")").isEqualTo(state);
        assertThat(e.flags()).isEqualTo(Integer.decode(flags));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            GET /a\\x7fb HTTP/1.1\\r\\nHost: x\\r\\n\\r\\n
            GET /a\\x80b HTTP/1.1\\r\\nHost: x\\r\\n\\r\\n
            """)
    void letsThroughWhatHaproxyServes(String text) {
        byte[] b = unescape(text.strip()).getBytes(StandardCharsets.ISO_8859_1);
        assertThat(H1Syntax.locate(b, b.length, true).position()).isEqualTo(b.length);
    }

    private static String unescape(String s) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\') {
                out.append(c);
                continue;
            }
            char n = s.charAt(++i);
            switch (n) {
                case 'r' -> out.append('\r');
                case 'n' -> out.append('\n');
                case 't' -> out.append('\t');
                case 'x' -> {
                    out.append((char) Integer.parseInt(s.substring(i + 1, i + 3), 16));
                    i += 2;
                }
                default -> out.append(n);
            }
        }
        return out.toString();
    }
}
