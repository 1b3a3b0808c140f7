package io.tollgate.engine.admin;

import io.tollgate.engine.config.ConfigLoader;
import io.tollgate.engine.runtime.Proxies;
import io.tollgate.engine.stats.CsvStatsWriter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static io.tollgate.engine.admin.CliActors.*;
import static io.tollgate.engine.admin.TollgateOnlyCommands.without;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The read commands of the runtime API against HAProxy 2.6.12: the shapes of the reference
 * captures in {@code haproxy-2.6/} (copied from the shared reference), and the exact texts
 * taken over {@code haproxy -db}'s stats socket for the same configuration.
 */
class ReadCommandsTest {
    private static final String ALWAYS = """
              help [<command>]                        : list matching or all commands
              prompt                                  : toggle interactive mode with prompt
              quit                                    : disconnect
            """;

    @TempDir
    Path dir;
    private RuntimeApi api;

    @BeforeEach
    void load() throws Exception {
        api = new RuntimeApi(CliActors.proxies(dir, """
                defaults
                  mode http
                  timeout connect 1s
                  timeout client 1s
                  timeout server 1s
                frontend fe
                  bind 127.0.0.1:28080
                  default_backend be
                backend be
                  server s1 127.0.0.1:28081 check weight 50
                  server s2 127.0.0.1:28082 disabled
                """));
    }

    private static String reference(String name) throws IOException {
        try (InputStream in = ReadCommandsTest.class.getResourceAsStream("haproxy-2.6/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static List<String> lines(String text) {
        return Arrays.asList(text.split("\n"));
    }

    @Test
    void unknownCommandsGetHaproxysSuggestions() {
        assertThat(without(api.execute("foo", ADMIN))).isEqualTo("""
                Unknown command, but maybe one of the following ones is a better match:
                  add acl [@<ver>] <acl> <pattern>        : add an acl entry
                  show fd [num]                           : dump list of file descriptors in use or a specific one
                  show info [desc|json|typed|float]*      : report information about the running process
                  trace [<module>|0] [cmd [args...]]      : manage live tracing (empty to list, 0 to stop all)
                  user                                    : lower the level of the current CLI session to user
                """ + ALWAYS);
        assertThat(without(api.execute("show foo", USER))).isEqualTo("""
                Unknown command, but maybe one of the following ones is a better match:
                  show env [var]                          : dump environment variables known to the process
                  show fd [num]                           : dump list of file descriptors in use or a specific one
                  show info [desc|json|typed|float]*      : report information about the running process
                  show pools                              : report information about the memory pools usage
                  show sess [id]                          : report the list of current sessions or dump this exact session
                """ + ALWAYS);
        assertThat(without(api.execute("get", ADMIN))).isEqualTo("""
                Unknown command, but maybe one of the following ones is a better match:
                  get acl <acl> <value>                   : report the patterns matching a sample for an ACL
                  get map <acl> <value>                   : report the keys and values matching a sample for a map
                  get var <name>                          : retrieve contents of a process-wide variable
                  get weight <bk>/<srv>                   : report a server's current weight
                """ + ALWAYS);
        assertThat(without(api.execute("show servers", ADMIN))).isEqualTo("""
                Unknown command, but maybe one of the following ones is a better match:
                  show servers conn [<backend>]           : dump server connections status (all or for a single backend)
                  show servers state [<backend>]          : dump volatile server information (all or for a single backend)
                """ + ALWAYS);
        String blank = without(api.execute("", ADMIN));
        assertThat(blank).startsWith("Unknown command. Please enter one of the following commands only:\n"
                + "  abort ssl ca-file <cafile>              : abort a transaction for a CA file\n");
        assertThat(lines(blank)).hasSize(104);
    }

    /** Captured from haproxy -db; the file's last LF is the CLI's end-of-answer empty line. */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"show acx", "show xx", "show bar", "del foo", "set foo",
            "enable x", "clear", "show ssl foo", "xyz abc"})
    void suggestionsMatchHaproxyCaptures(String command) throws IOException {
        String expected = reference("unknown/" + command.replace(' ', '_') + ".txt");
        assertThat(without(api.execute(command, USER)) + "\n").isEqualTo(expected);
    }

    @Test
    void helpIsTheSameListAtEveryLevelAndFiltersOnWords() throws IOException {
        String full = api.execute("help", USER);
        assertThat(api.execute("help", ADMIN)).isEqualTo(full);
        assertThat(full.lines()).containsAll(TollgateOnlyCommands.LINES);
        String help = without(full);
        // the reference capture has the usage column only
        List<String> usage = lines(help).stream().map(l -> l.contains(": ") ? l.substring(0, l.indexOf(": ")) : l)
                .map(l -> l.replaceAll("\\s+$", "").replace("]*", "]*")).toList();
        List<String> expected = lines(reference("cli-commands.txt")).stream().map(l -> l.replaceAll("\\s+$", ""))
                .toList();
        assertThat(usage).hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
            assertThat(expected.get(i)).startsWith(usage.get(i).replace("]*", "]"));
        }
        assertThat(api.execute("help weight", USER)).isEqualTo("""
                The following commands are valid at this level:
                  get weight <bk>/<srv>                   : report a server's current weight
                  set weight <bk>/<srv>  (DEPRECATED)     : change a server's weight (use 'set server' instead)
                """ + ALWAYS);
        assertThat(api.execute("help show stat foo", USER)).isEqualTo("""
                The following commands are valid at this level:
                  show stat [desc|json|no-maint|typed|up]*: report counters for each proxy and server
                """ + ALWAYS);
    }

    @Test
    void showStatKeepsTheCsvShapeAndFilters() throws IOException {
        String header = CsvStatsWriter.header();
        assertThat(header).isEqualTo(lines(reference("show-stat.csv")).get(0) + "\n");
        int columns = header.split(",", -1).length;
        List<String> all = lines(api.execute("show stat", USER));
        assertThat(all).hasSize(5);
        assertThat(all).allSatisfy(l -> assertThat(l.split(",", -1)).hasSize(columns));
        assertThat(all.get(2)).startsWith("be,s1,");

        assertThat(lines(api.execute("show stat 2 4 1", ADMIN))).hasSize(2).last().asString().startsWith("be,s1,");
        assertThat(lines(api.execute("show stat be 4 -1", ADMIN))).hasSize(3);
        assertThat(lines(api.execute("show stat -1 3 -1", ADMIN))).extracting(l -> l.split(",")[1])
                .containsExactly("svname", "FRONTEND", "BACKEND");
        assertThat(api.execute("show stat 2 abc 1", ADMIN)).isEqualTo(header);
        assertThat(api.execute("show stat nob 1 -1", ADMIN)).isEqualTo("No such proxy.\n");
        assertThat(api.execute("show stat typed -1 2 -1", ADMIN)).isEqualTo("No such proxy.\n");
        assertThat(api.execute("show stat 2 4 1 typed", ADMIN)).startsWith("S.2.1.0.pxname.1:KNS:str:be\n");
        assertThat(api.execute("show stat 2 4 1 json", ADMIN)).startsWith("[[{\"objType\":\"Server\",\"proxyId\":2,");

        List<String> noMaint = lines(api.execute("show stat no-maint", ADMIN));
        assertThat(noMaint).noneMatch(l -> l.startsWith("be,s2,"));
        assertThat(noMaint.get(noMaint.size() - 1).split(",")[17]).matches("(UP|DOWN) \\(\\d/2\\)");
        // addr is for operators and admins only
        int addr = Arrays.asList(header.substring(2).split(",")).indexOf("addr");
        assertThat(lines(api.execute("show stat 2 4 1", ADMIN)).get(1).split(",", -1)[addr]).isEqualTo("127.0.0.1:28081");
        assertThat(lines(api.execute("show stat 2 4 1", USER)).get(1).split(",", -1)[addr]).isEmpty();
    }

    @Test
    void showInfoHasHaproxysFieldsInOrder() throws IOException {
        List<String> names = lines(api.execute("show info", USER)).stream().map(l -> l.substring(0, l.indexOf(": ")))
                .toList();
        List<String> expected = lines(reference("show-info.txt")).stream().filter(l -> !l.isEmpty())
                .map(l -> l.substring(0, l.indexOf(": "))).toList();
        assertThat(names).isEqualTo(expected);
        String info = api.execute("show info", USER);
        assertThat(info).startsWith("Name: Tollgate\n").contains("\nPid: " + ProcessHandle.current().pid() + "\n")
                .containsPattern("\nUptime: 0d 0h00m0\\ds\n").endsWith("\nTainted: 0\n");
        assertThat(api.execute("show info typed", USER)).startsWith("0.Name.1:POS:str:Tollgate\n")
                .contains("\n31.MaxSessRate.1:MRP:u32:0\n").contains("\n47.Tasks.1:MGP:u32:")
                .doesNotContain("\n45.");
        assertThat(api.execute("show info json", USER)).startsWith("[{\"field\":{\"pos\":0,\"name\":\"Name\"},"
                + "\"processNum\":1,\"tags\":{\"origin\":\"Product\",\"nature\":\"Output\",\"scope\":\"Service\"},"
                + "\"value\":{\"type\":\"str\",\"value\":\"Tollgate\"}},").endsWith("}]\n");
        assertThat(api.execute("show version", USER)).isEqualTo(ProductVersion.CURRENT.version() + "\n");
    }

    @Test
    void backendsServersStateAndWeight() throws IOException {
        assertThat(api.execute("show backend", USER)).isEqualTo("# name\nbe\n");
        assertThat(lines(reference("show-backend.txt")).get(0)).isEqualTo("# name");

        List<String> reference = lines(reference("show-servers-state.txt"));
        List<String> state = lines(api.execute("show servers state", USER));
        assertThat(state.subList(0, 2)).isEqualTo(reference.subList(0, 2));
        int columns = reference.get(2).split(" ").length;
        assertThat(state).hasSize(4);
        assertThat(state.subList(2, 4)).allSatisfy(l -> assertThat(l.split(" ")).hasSize(columns));
        // haproxy -db, same configuration (where be is id 3: its CLI frontend is counted):
        // s2 'disabled' is 5 (FMAINT|CMAINT), no check: status INI, state PAUSED
        assertThat(state.get(3)).matches("2 be 2 s2 127\\.0\\.0\\.1 0 5 1 1 \\d+ 1 0 0 8 0 0 0 - 28082 - 0 0 - - 0");
        assertThat(state.get(2)).startsWith("2 be 1 s1 127.0.0.1 ").endsWith(" 0 0 0 - 28081 - 0 0 - - 0");
        assertThat(api.execute("show servers state be", USER)).isEqualTo(String.join("\n", state) + "\n");
        // haproxy -db after 'enable server': the configuration's CMAINT flag, health 0 and PAUSED stay
        assertThat(api.execute("enable server be/s2", ADMIN)).isEmpty();
        assertThat(lines(api.execute("show servers state", USER)).get(3))
                .matches("2 be 2 s2 127\\.0\\.0\\.1 2 4 1 1 \\d+ 1 0 0 8 0 0 0 - 28082 - 0 0 - - 0");
        assertThat(api.execute("show servers state nob", USER)).isEqualTo("Can't find backend.\n");

        assertThat(api.execute("get weight be/s1", USER)).isEqualTo("50 (initial 50)\n");
        assertThat(api.execute("set weight be/s1 10", ADMIN)).isEmpty();
        assertThat(api.execute("get weight be/s1", USER)).isEqualTo("10 (initial 50)\n");
        assertThat(api.execute("get weight", USER)).isEqualTo("Require 'backend/server'.\n");
        assertThat(api.execute("get weight be", USER)).isEqualTo("Require 'backend/server'.\n");
        assertThat(api.execute("get weight nob/s1", USER)).isEqualTo("No such backend.\n");
        assertThat(api.execute("get weight be/zz", USER)).isEqualTo("No such server.\n");
    }

    @Test
    void serverStatesEncodeAsHaproxyDoes() throws Exception {
        Path cfg = dir.resolve("y.cfg");
        Files.writeString(cfg, """
                defaults
                  mode http
                  timeout connect 1s
                  timeout client 1s
                  timeout server 1s
                backend be
                  server s1 127.0.0.1:28081 check
                  server s3 127.0.0.1:28083
                  server s4 localhost:28084 check port 9999 addr 127.0.0.2
                """);
        RuntimeApi y = new RuntimeApi(new Proxies(ConfigLoader.load(List.of(cfg), Map.of(), dir),
                io.tollgate.engine.stats.Ticker.SYSTEM));
        assertThat(y.execute("disable server be/s1", ADMIN)).isEmpty();
        assertThat(y.execute("set server be/s3 state drain", ADMIN)).isEmpty();
        assertThat(y.execute("disable health be/s4", ADMIN)).isEmpty();
        List<String> state = lines(y.execute("show servers state", USER));
        // haproxy -db after the same commands (its s1 and s4 had failed a check: 8 2 instead of 1 0,
        // and s4 was down; here no check has run yet)
        assertThat(state.get(2)).matches("1 be 1 s1 127\\.0\\.0\\.1 0 1 1 1 \\d+ 1 0 0 14 0 0 0 - 28081 - 0 0 - - 0");
        assertThat(state.get(3)).matches("1 be 2 s3 127\\.0\\.0\\.1 2 8 1 1 \\d+ 1 0 2 0 0 0 0 - 28083 - 0 0 - - 0");
        assertThat(state.get(4)).matches("1 be 3 s4 \\S+ [02] 0 1 1 \\d+ 1 0 [02] 2 0 0 0 localhost 28084 - 0 9999 127\\.0\\.0\\.2 "
                + "127\\.0\\.0\\.2 9999");
    }

    @Test
    void checkStatusCodesAreHaproxys() {
        assertThat(ServerStateLine.statusCode(io.tollgate.engine.runtime.CheckStatus.L4_CONNECTION)).isEqualTo(8);
        assertThat(ServerStateLine.statusCode(io.tollgate.engine.runtime.CheckStatus.L7_OK)).isEqualTo(15);
        assertThat(ServerStateLine.statusCode(io.tollgate.engine.runtime.CheckStatus.L7_STATUS)).isEqualTo(17);
        assertThat(ServerStateLine.statusCode(io.tollgate.engine.runtime.CheckStatus.INITIALIZING)).isEqualTo(1);
    }
}
