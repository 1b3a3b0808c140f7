package io.tollgate.engine.check;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code tcp-check} scripts with what HAProxy 2.6.12 reports for each against the same test
 * servers (observed with Debian's haproxy, kept honest by {@link TcpCheckHaproxyParityTest}):
 * the server's {@code status}, {@code check_status}, {@code check_code} and {@code last_chk}
 * after the first check, with {@code rise 1 fall 1}. Each case is one backend {@code <name>}
 * with one server {@code s}; the servers run while this object is open.
 */
final class TcpCheckCases implements AutoCloseable {
    static final String DEFAULTS = """
            defaults
              mode tcp
              timeout connect 1s
              timeout client 5s
              timeout server 5s
              timeout check 1s
            """;

    /** One backend and the row HAProxy shows for its server. */
    record Case(String name, String backend, List<String> expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    private final List<ScriptedTcpServer> servers = new ArrayList<>();
    final ScriptedTcpServer banner;
    private final List<Case> cases = new ArrayList<>();

    TcpCheckCases() throws IOException {
        banner = start(ScriptedTcpServer.bannerThenReplies("220 ready\r\n"));
        ScriptedTcpServer closing = start(ScriptedTcpServer.replyThenClose("hello".getBytes(StandardCharsets.US_ASCII)));
        ScriptedTcpServer empty = start(ScriptedTcpServer.replyThenClose(new byte[0]));
        ScriptedTcpServer reset = start(ScriptedTcpServer.reset(new byte[0]));
        ScriptedTcpServer abcReset = start(ScriptedTcpServer.reset("abc".getBytes(StandardCharsets.US_ASCII)));
        ScriptedTcpServer silent = start(ScriptedTcpServer.silent());
        ScriptedTcpServer binary = start(ScriptedTcpServer.greetThenEcho(new byte[] {1, 2, 3, -1}));
        ScriptedTcpServer echo = start(ScriptedTcpServer.greetThenEcho(new byte[0]));
        int refused = ScriptedTcpServer.closedPort();
        String ok = "(tcp-check)";

        // scripts that pass: the last step decides the status
        add("two_sends_and_expects", banner.port(), """
                tcp-check comment "banner"
                tcp-check expect string 220
                tcp-check send PING\\r\\n
                tcp-check expect string OK\\ PING
                tcp-check send-lf "%[srv_name] of %[be_name]\\r\\n"
                tcp-check expect rstring ^OK\\ s\\ of\\ two_sends
                """, "UP", "L7OK", "0", ok);
        add("escapes", banner.port(), "tcp-check send \"\\x41\\x42 C\\n\"\ntcp-check expect string \"OK AB C\"\n",
                "UP", "L7OK", "0", ok);
        add("option_only", banner.port(), "", "UP", "L4OK", "", "");
        add("connect_only", banner.port(), "tcp-check connect\n", "UP", "L4OK", "", ok);
        add("send_only", banner.port(), "tcp-check send QUIT\\r\\n\n", "UP", "L7OK", "0", ok);
        add("set_var_last", banner.port(), "tcp-check expect string 220\ntcp-check set-var(check.x) int(1)\n",
                "UP", "L7OK", "0", ok);
        add("on_success", banner.port(), "tcp-check expect string 220 on-success \"banner %[srv_name] ok\" "
                + "status-code int(42)\n", "UP", "L7OK", "42", "banner s ok");
        add("ok_status", banner.port(), "tcp-check expect ok-status L7OKC string 220\n", "NOLB", "L7OKC", "0", ok);

        // content that does not match, once the server closed
        add("mismatch", closing.port(), "tcp-check expect string hellox\n",
                "DOWN", "L7RSP", "", "TCPCHK did not match content 'hellox' at step 1");
        add("comment_chain", closing.port(), """
                tcp-check comment "banner check"
                tcp-check expect string hel
                tcp-check expect string zzz
                """, "DOWN", "L7RSP", "", "TCPCHK did not match content 'zzz' at step 3 comment: banner check");
        add("regex", closing.port(), "tcp-check expect rstring ^hx\n",
                "DOWN", "L7RSP", "", "TCPCHK did not match content (regex) at step 1");
        add("not_regex", closing.port(), "tcp-check expect ! rstring ^he\n",
                "DOWN", "L7RSP", "", "TCPCHK matched unwanted content (regex) at step 1");
        add("log_format", closing.port(), "tcp-check expect string-lf %[srv_name]x\n",
                "DOWN", "L7RSP", "", "TCPCHK did not match content (log-format string) at step 1");
        add("on_error", closing.port(), "tcp-check comment c\n"
                + "tcp-check expect error-status L7STS on-error \"no %[srv_name]\" string zzz\n",
                "DOWN", "L7STS", "0", "no s comment: c");

        // negated rules: a miss waits for more unless min-recv makes it final
        add("unwanted", banner.port(), "tcp-check expect ! string 220\n",
                "DOWN", "L7RSP", "", "TCPCHK matched unwanted content '220' at step 1");
        add("unwanted_waits", banner.port(), "tcp-check expect ! string xyz\n",
                "DOWN", "L7TOUT", "", " at step 1 of tcp-check (expect string 'xyz')");
        add("min_recv", banner.port(), "tcp-check expect min-recv 3 ! string xyz\n", "UP", "L7OK", "0", ok);

        // binary payloads and patterns; a send forgets what came before it
        add("binary", binary.port(), """
                tcp-check expect binary 010203ff
                tcp-check expect rbinary 03FF$
                tcp-check send-binary 41420a
                tcp-check expect binary 4142
                tcp-check send-binary-lf 43%[srv_name,hex]
                tcp-check expect binary-lf 43%[srv_name,hex]
                """, "UP", "L7OK", "0", ok);
        add("not_binary", binary.port(), "tcp-check expect ! binary 0102\n",
                "DOWN", "L7RSP", "", "TCPCHK matched unwanted content (binary) at step 1");
        add("binary_after_send", binary.port(),
                "tcp-check expect binary 010203ff\ntcp-check send-binary 41\ntcp-check expect binary 0102\n",
                "DOWN", "L7TOUT", "", " at step 3 of tcp-check (expect binary '\u0001\u0002')");

        // timeouts say where the script waited
        add("timeout", silent.port(), "tcp-check send x\ntcp-check comment \"waiting\"\ntcp-check expect string 220\n",
                "DOWN", "L7TOUT", "", " at step 3 of tcp-check (expect string '220') comment: 'waiting'");
        add("tout_status", silent.port(), "tcp-check expect tout-status L4TOUT rstring x\n",
                "DOWN", "L4TOUT", "", " at step 1 of tcp-check (expect regex)");

        // closed, reset and refused connections
        add("empty", empty.port(), "tcp-check comment \"banner check\"\ntcp-check expect string 220\n",
                "DOWN", "L7RSP", "", "TCPCHK got an empty response at step 2 comment: 'banner check'");
        add("reset", reset.port(), "tcp-check expect string x\n",
                "DOWN", "SOCKERR", "", "Connection reset by peer at step 1 of tcp-check (expect string 'x')");
        // data before a reset is still judged, as if the server had closed
        add("reset_after_data", abcReset.port(), "tcp-check expect string abcd\n",
                "DOWN", "L7RSP", "", "TCPCHK did not match content 'abcd' at step 1");
        add("refused", refused, "tcp-check expect string 220\n",
                "DOWN", "L4CON", "", "Connection refused at initial connection step of tcp-check");
        add("refused_connect", refused, "tcp-check connect comment first\ntcp-check expect string 220\n",
                "DOWN", "L4CON", "", "Connection refused at step 1 of tcp-check (connect) comment: 'first'");

        // more than one connection
        add("second_connect", banner.port(), """
                tcp-check connect
                tcp-check expect string 220
                tcp-check connect port %d linger
                tcp-check send hi\\n
                tcp-check expect string hi
                """.formatted(echo.port()), "UP", "L7OK", "0", ok);
        add("connect_addr", banner.port(), """
                tcp-check connect addr 127.0.0.1:%d
                tcp-check send hi\\n
                tcp-check expect string hi
                """.formatted(echo.port()), "UP", "L7OK", "0", ok);
        add("second_refused", banner.port(), """
                tcp-check connect
                tcp-check expect string 220
                tcp-check comment "second hop"
                tcp-check connect port %d
                tcp-check expect string 220
                """.formatted(refused), "DOWN", "L4CON", "",
                "Connection refused at step 4 of tcp-check (connect port " + refused + ") comment: 'second hop'");
    }

    private ScriptedTcpServer start(ScriptedTcpServer.Behaviour behaviour) throws IOException {
        ScriptedTcpServer s = new ScriptedTcpServer(behaviour);
        servers.add(s);
        return s;
    }

    private void add(String name, int port, String rules, String... expected) {
        String backend = "backend " + name + "\n  option tcp-check\n" + rules.stripIndent().indent(2)
                + "  server s 127.0.0.1:" + port + " check inter 500 rise 1 fall 1\n";
        cases.add(new Case(name, backend, List.of(expected)));
    }

    List<Case> all() {
        return cases;
    }

    /** The backends of every case, after {@code head} (defaults, a stats listener, ...). */
    String config(String head) {
        StringBuilder b = new StringBuilder(head);
        cases.forEach(c -> b.append(c.backend()));
        return b.toString();
    }

    /** The columns a case compares, from a stats row. */
    static List<String> observed(Map<String, String> row) {
        return List.of(row.get("status"), row.get("check_status"), row.get("check_code"), row.get("last_chk"));
    }

    @Override
    public void close() throws IOException {
        for (ScriptedTcpServer s : servers) {
            s.close();
        }
    }
}
