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
                "[ALERT] parsing [t.cfg:5] : log : unknown log facility 'local9'",
                "[ALERT] parsing [t.cfg:6] : log : unknown optional log level 'loud'",
                "[ALERT] parsing [t.cfg:7] : log : expects <address> and <facility>  as arguments",
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
                "[ALERT] parsing [t.cfg:2] : log : log target 'tcp@' has nothing after 'tcp@'",
                "[ALERT] parsing [t.cfg:3] : log : 'port of 127.0.0.1:http' expects a number between 1 and 65535, got 'http'",
                "[ALERT] parsing [t.cfg:4] : log : unsupported log target 'smtp@mail' (expected ip[:port], udp@, "
                        + "tcp@ip:port, a Unix socket path, stdout, stderr or file@<path>)",
                "[ALERT] parsing [t.cfg:6] : log : log target '[::1' has no closing ']'");
    }

    /** HAProxy 2.6.12's own messages for the same lines (haproxy -c), headed as Tollgate heads alerts. */
    @Test
    void logLinesHaproxyRefusesAreRefusedInItsWords() {
        assertThat(TestConfigs.errors("""
                global
                    log 127.0.0.1 local0 info loud
                    log 127.0.0.1 local0 info err extra
                    log 127.0.0.1 len 20 local0
                    log 127.0.0.1 len abc local0
                    log 127.0.0.1 format foo local0
                    log 127.0.0.1 len 100 format raw rotat local0
                    log global
                frontend fe
                    log 127.0.0.1
                    no log extra
                    log global extra
                """)).containsExactly(
                "[ALERT] parsing [t.cfg:2] : log : unknown optional minimum log level 'loud'",
                "[ALERT] parsing [t.cfg:3] : log : cannot handle unexpected argument 'extra'",
                "[ALERT] parsing [t.cfg:4] : log : invalid log length '20', must be between 80 and 65535",
                "[ALERT] parsing [t.cfg:5] : log : invalid log length 'abc', must be between 80 and 65535",
                "[ALERT] parsing [t.cfg:6] : log : unknown log format 'foo'",
                "[ALERT] parsing [t.cfg:7] : log : unknown log facility 'rotat'",
                "[ALERT] parsing [t.cfg:8] : log : 'global' is not supported for a global syslog server",
                "[ALERT] parsing [t.cfg:10] : log : expects <address> and <facility> or global as arguments",
                "[ALERT] parsing [t.cfg:11] : log : 'no log' does not expect arguments",
                "[ALERT] parsing [t.cfg:12] : log : unknown log facility 'extra'");
    }

    /** What the shipper runs, the check accepts: file@ targets with their rotation words. */
    @Test
    void fileTargetsWithRotationPassTheCheck() {
        Config config = TestConfigs.load("""
                global
                    log file@/var/log/tollgate.log rotate daily keep 7 compress dateext local0 info
                    log file@/var/log/t2.log len 2048 format rfc5424 rotate size 10m keep 3 compress local1 notice err
                defaults
                    timeout client 5s
                    timeout server 5s
                    timeout connect 5s
                frontend fe
                    mode tcp
                    bind 127.0.0.1:8080
                    log file@/var/log/fe.log rotate hourly rotate size 1g local2
                    default_backend be
                backend be
                    server s 127.0.0.1:1
                """);
        assertThat(config.global().logs()).hasSize(2);
        assertThat(config.warnings()).isEmpty();
    }

    @Test
    void wrongFileOptionsAreNamed() {
        assertThat(TestConfigs.errors("""
                global
                    log file@/var/log/t.log rotate weekly local0
                    log file@/var/log/t.log rotate size 10x local0
                    log file@/var/log/t.log keep many local0
                    log 127.0.0.1 compress local0
                    log file@/var/log/t.log compres local0
                """)).containsExactly(
                "[ALERT] parsing [t.cfg:2] : log : 'rotate' expects size <n>, daily or hourly, got 'weekly'",
                "[ALERT] parsing [t.cfg:3] : log : 'rotate size' expects a positive size such as 512k, 100m or 1g, "
                        + "got '10x'",
                "[ALERT] parsing [t.cfg:4] : log : 'keep' expects a number between 0 and 10000, got 'many'",
                "[ALERT] parsing [t.cfg:5] : log : 'compress' only applies to file@ targets, not to '127.0.0.1'",
                "[ALERT] parsing [t.cfg:6] : log : unknown log facility 'compres' (expected len, format, sample, "
                        + "rotate, keep, compress, dateext or a facility such as local0)");
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
