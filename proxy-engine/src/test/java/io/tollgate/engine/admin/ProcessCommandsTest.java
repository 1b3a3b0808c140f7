package io.tollgate.engine.admin;

import io.tollgate.engine.api.LoopActivity;
import io.tollgate.engine.api.ProcessInfo;
import io.tollgate.engine.runtime.Proxies;
import io.tollgate.engine.stats.StatsRegistry;
import io.tollgate.engine.stats.Ticker;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static io.tollgate.engine.admin.CliActors.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code show env}, {@code show activity}, {@code show info}'s {@code Idle_pct} and
 * {@code Listeners}, and severity output, on the command layer (texts from HAProxy 2.6.12).
 */
class ProcessCommandsTest {

    @TempDir
    Path dir;
    private Proxies proxies;

    @BeforeEach
    void load() throws Exception {
        proxies = CliActors.proxies(dir, """
                defaults
                  mode http
                  timeout connect 1s
                  timeout client 5s
                  timeout server 5s
                backend b
                  server s1 127.0.0.1:8080
                """);
    }

    @Test
    void showEnvIsForOperatorsAndMatchesWholeNames() {
        EnvCommands env = new EnvCommands(() -> List.of("A=1", "AB=2", "EMPTY=", "WITH=eq=ual"));
        assertThat(env.run(List.of("show", "env"), ADMIN).output()).isEqualTo("A=1\nAB=2\nEMPTY=\nWITH=eq=ual\n");
        assertThat(env.run(List.of("show", "env", "AB"), ADMIN).output()).isEqualTo("AB=2\n");
        assertThat(env.run(List.of("show", "env", "WITH"), ADMIN).output()).isEqualTo("WITH=eq=ual\n");
        assertThat(env.run(List.of("show", "env", "EMPTY"), ADMIN).output()).isEqualTo("EMPTY=\n");
        RuntimeApi.Answer missing = env.run(List.of("show", "env", "B"), ADMIN);
        assertThat(missing.output()).isEqualTo("Variable not found\n");
        assertThat(missing.severity()).isEqualTo(Severity.ERR);
        assertThat(env.run(List.of("show", "env"), USER)).isEqualTo(RuntimeApi.Answer.denied());
        assertThat(env.run(List.of("show", "envs"), ADMIN)).isNull();
    }

    @Test
    void theProcessEnvironmentIsThisJvms() {
        String path = System.getenv("PATH");
        assertThat(new RuntimeApi(proxies).execute("show env PATH", ADMIN)).isEqualTo("PATH=" + path + "\n");
        assertThat(EnvCommands.processEnvironment()).hasSize(System.getenv().size());
    }

    @Test
    void severityOutputPrefixesMessagesOnly() {
        RuntimeApi api = new RuntimeApi(proxies);
        assertThat(api.execute("get weight b/nope", ADMIN, SeverityOutput.NUMBER)).isEqualTo("[3]: No such server.\n");
        assertThat(api.execute("get weight b/nope", ADMIN, SeverityOutput.STRING))
                .isEqualTo("[err]: No such server.\n");
        assertThat(api.execute("get weight b/s1", ADMIN, SeverityOutput.NUMBER)).isEqualTo("1 (initial 1)\n");
        assertThat(api.execute("set server b/s1 state maint", USER, SeverityOutput.STRING))
                .isEqualTo("[err]: Permission denied\n");
        assertThat(api.execute("set server b/s1 state ready", ADMIN, SeverityOutput.NUMBER)).isEmpty();
        assertThat(api.execute("show version", ADMIN, SeverityOutput.STRING)).startsWith("[info]: ");
        assertThat(api.execute("help", USER, SeverityOutput.NUMBER))
                .startsWith("[6]: The following commands are valid at this level:\n");
        assertThat(api.execute("frobnicate", USER, SeverityOutput.NUMBER)).startsWith("[6]: Unknown command");
        assertThat(api.execute("show backend", USER, SeverityOutput.NUMBER)).isEqualTo("# name\nb\n");
        assertThat(api.execute("get weight b/nope", ADMIN)).isEqualTo("No such server.\n");
        assertThat(SeverityOutput.of("string")).isEqualTo(SeverityOutput.STRING);
        assertThat(SeverityOutput.of("String")).isNull();
    }

    @Test
    void showActivityPrintsTotalsThenEachLoop() {
        ProcessInfo process = new ProcessInfo(7, 1_000, 6_500, 3, 100, 0, 0, 1024, null, null, 0, 0, 0);
        List<LoopActivity> loops = List.of(new LoopActivity(10, 90, 0, 7), new LoopActivity(20, 95, 2, 0),
                new LoopActivity(5, 100, 1, 3));
        RuntimeApi api = new RuntimeApi(proxies, new StatsRegistry(proxies, Ticker.SYSTEM), () -> process, () -> loops);
        String out = api.execute("show activity", USER);
        assertThat(out).matches("(?s)thread_id: 0 \\(1\\.\\.3\\)\ndate_now: \\d+\\.\\d{6}\nuptime_ms: 5500\n"
                + "cpu_ms_tot: 35 \\[ 10 20 5 \\]\nidle_pct: 95 \\[ 90 95 100 \\]\nrun_queue: 3 \\[ 0 2 1 \\]\n"
                + "accepted: 10 \\[ 7 0 3 \\]\n"
                + "gc_count: \\d+\ngc_ms_tot: \\d+\nheap_used: \\d+\nheap_max: -?\\d+\njvm_threads: \\d+\n");
        RuntimeApi one = new RuntimeApi(proxies, new StatsRegistry(proxies, Ticker.SYSTEM), () -> process,
                () -> List.of(new LoopActivity(12, 97, 4, 1)));
        assertThat(one.execute("show activity", USER))
                .contains("\ncpu_ms_tot: 12\nidle_pct: 97\nrun_queue: 4\naccepted: 1\n");
    }

    @Test
    void showInfoTellsIdleAndListenersWithTheAdminSockets() {
        ProcessInfo process = new ProcessInfo(7, 0, 5_000, 2, 100, 0, 0, 1024, null, null, 0, 0, 0, 100, 87, 3);
        RuntimeApi api = new RuntimeApi(proxies, new StatsRegistry(proxies, Ticker.SYSTEM), () -> process);
        assertThat(api.execute("show info", USER)).contains("\nIdle_pct: 87\n").contains("\nListeners: 3\n");
        api.countListeners(() -> 2);
        assertThat(api.execute("show info", USER)).contains("\nListeners: 5\n");
        assertThat(api.execute("show info typed", USER)).contains("\n55.Listeners.1:MGP:u32:5\n")
                .contains("\n49.Idle_pct.1:MaP:u32:87\n");
    }
}
