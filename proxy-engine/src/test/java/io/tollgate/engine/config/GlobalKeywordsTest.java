package io.tollgate.engine.config;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The {@code global} section: supported keywords, warned process keywords, errors, {@code setenv}. */
class GlobalKeywordsTest {

    @Test
    void supportedGlobalKeywords() {
        Config config = TestConfigs.load("""
                global
                    maxconn 8000
                    nbthread 4
                    pidfile run/x.pid
                    node edge-1
                    description Edge proxy one
                    log 127.0.0.1:514 local0 info
                    log /dev/log local1 notice err
                    stats socket run/x.sock mode 600 level admin
                    stats timeout 30s
                    stats maxconn 10
                """);
        GlobalSettings g = config.global();
        assertThat(g.maxconn()).isEqualTo(8000);
        assertThat(g.nbthread()).isEqualTo(4);
        assertThat(g.pidfile()).isEqualTo("run/x.pid");
        assertThat(g.node()).isEqualTo("edge-1");
        assertThat(g.description()).isEqualTo("Edge proxy one");
        assertThat(g.logs()).extracting(Directive::args).containsExactly(
                java.util.List.of("127.0.0.1:514", "local0", "info"), java.util.List.of("/dev/log", "local1", "notice", "err"));
        assertThat(g.statsSockets()).singleElement().extracting(Directive::args)
                .isEqualTo(java.util.List.of("socket", "run/x.sock", "mode", "600", "level", "admin"));
        assertThat(g.directives()).extracting(d -> d.args().get(0)).containsExactly("timeout", "maxconn");
        assertThat(config.hasListeners()).isFalse();
    }

    @Test
    void defaultsWhenAbsent() {
        GlobalSettings g = TestConfigs.load("global\n").global();
        assertThat(g.maxconn()).isEqualTo(GlobalSettings.DEFAULT_MAXCONN);
        assertThat(g.nbthread()).isZero();
        assertThat(g.pidfile()).isNull();
        assertThat(g.daemon()).isFalse();
    }

    @Test
    void processKeywordsThatDoNothingInTollgateAreWarnedAbout() {
        assertThat(TestConfigs.warnings("""
                global
                    daemon
                    user haproxy
                    group haproxy
                    uid 99
                    gid 99
                    chroot /var/empty
                    ulimit-n 4096
                    tune.bufsize 16384
                    ssl-engine rdrand
                """)).containsExactly(
                "[WARNING] parsing [t.cfg:2] : 'daemon' is not supported yet by Tollgate, ignored (Tollgate stays in the foreground)",
                "[WARNING] parsing [t.cfg:3] : 'user' is not supported yet by Tollgate, ignored",
                "[WARNING] parsing [t.cfg:4] : 'group' is not supported yet by Tollgate, ignored",
                "[WARNING] parsing [t.cfg:5] : 'uid' is not supported yet by Tollgate, ignored",
                "[WARNING] parsing [t.cfg:6] : 'gid' is not supported yet by Tollgate, ignored",
                "[WARNING] parsing [t.cfg:7] : 'chroot' is not supported yet by Tollgate, ignored",
                "[WARNING] parsing [t.cfg:8] : 'ulimit-n' is not supported yet by Tollgate, ignored",
                "[WARNING] parsing [t.cfg:9] : 'tune.bufsize' is not supported yet by Tollgate, ignored",
                "[WARNING] parsing [t.cfg:10] : 'ssl-engine' is not supported yet by Tollgate, ignored");
    }

    @Test
    void nbprocIsRefusedAsHaproxy26Does() {
        assertThat(TestConfigs.errors("global\n    nbproc 2\n")).containsExactly("[ALERT] parsing [t.cfg:2] : nbproc is not "
                + "supported any more since HAProxy 2.5. Threads will automatically be used on multi-processor machines if available.");
    }

    @Test
    void badValues() {
        assertThat(TestConfigs.errors("""
                global
                    maxconn abc
                    nbthread 0
                    stats socke /x
                    log 127.0.0.1 local9
                    log 127.0.0.1 local0 loud
                    log
                    maxcon 10
                """)).containsExactly(
                "[ALERT] parsing [t.cfg:2] : 'maxconn' expects an integer argument (got 'abc').",
                "[ALERT] parsing [t.cfg:3] : 'nbthread' expects an integer between 1 and 4096 (got '0').",
                "[ALERT] parsing [t.cfg:4] : 'stats' only supports 'socket', 'maxconn', 'bind-process' and 'timeout' (got 'socke').",
                "[ALERT] parsing [t.cfg:5] : unknown log facility 'local9'",
                "[ALERT] parsing [t.cfg:6] : unknown optional log level 'loud'",
                "[ALERT] parsing [t.cfg:7] : 'log' expects either <address[:port]> and <facility> or 'global' as arguments.",
                "[ALERT] parsing [t.cfg:8] : unknown keyword 'maxcon' in 'global' section; did you mean 'maxconn' maybe ?");
    }

    @Test
    void logTargetsAreCheckedWhenTheConfigurationIs() {
        assertThat(TestConfigs.errors("""
                global
                    log tcp@ local0
                    log 127.0.0.1:http local0
                    log smtp@mail local0
                frontend fe
                    log [::1 local0
                """)).containsExactly(
                "[ALERT] parsing [t.cfg:2] : log target 'tcp@' has nothing after 'tcp@'",
                "[ALERT] parsing [t.cfg:3] : 'port of 127.0.0.1:http' expects a number between 1 and 65535, got 'http'",
                "[ALERT] parsing [t.cfg:4] : unsupported log target 'smtp@mail' (expected ip[:port], udp@, tcp@ip:port, "
                        + "a Unix socket path, stdout, stderr or file@<path>)",
                "[ALERT] parsing [t.cfg:6] : log target '[::1' has no closing ']'");
    }

    @Test
    void setenvChangesTheFollowingLines() {
        Config config = TestConfigs.load("""
                global
                    setenv NODE_NAME from-setenv
                    presetenv KEPT ignored
                    node "$NODE_NAME"
                    description "${KEPT}"
                    unsetenv KEPT
                    pidfile "x${KEPT}y"
                """, Map.of("KEPT", "caller"));
        assertThat(config.global().node()).isEqualTo("from-setenv");
        assertThat(config.global().description()).isEqualTo("caller");
        assertThat(config.global().pidfile()).isEqualTo("xy");
    }

    @Test
    void unknownKeywordOutOfSection() {
        assertThat(TestConfigs.errors("maxconn 10\nglobal\n"))
                .containsExactly("[ALERT] parsing [t.cfg:1] : unknown keyword 'maxconn' out of section.");
    }
}
