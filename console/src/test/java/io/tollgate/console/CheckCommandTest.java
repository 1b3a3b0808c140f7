package io.tollgate.console;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code tollgate -c}: HAProxy's verdicts and exit codes on small configuration files. */
class CheckCommandTest {

    @TempDir
    Path dir;

    @Test
    void validConfigurationExitsZero() throws IOException {
        Path cfg = Cli.config(dir, "ok.cfg",
                "defaults",
                "    mode http",
                "    timeout connect 5s",
                "    timeout client 10s",
                "    timeout server 10s",
                "frontend web",
                "    bind 127.0.0.1:" + Cli.freePort(),
                "    default_backend app",
                "backend app",
                "    server s1 127.0.0.1:18999");

        Cli.Result result = Cli.run("-c", "-f", cfg.toString());

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("Configuration file is valid");
        assertThat(result.err()).doesNotContain("[ALERT]");
    }

    @Test
    void serverTlsFilesAreCheckedToo() throws IOException {
        Path cfg = Cli.config(dir, "tls.cfg",
                "defaults",
                "    mode http",
                "    timeout connect 5s",
                "    timeout client 10s",
                "    timeout server 10s",
                "frontend web",
                "    bind 127.0.0.1:" + Cli.freePort(),
                "    default_backend app",
                "backend app",
                "    server s1 127.0.0.1:18999 ssl",
                "    server s2 127.0.0.1:18999 ssl verify none crt " + dir.resolve("missing.pem"));

        Cli.Result result = Cli.run("-c", "-f", cfg.toString());

        assertThat(result.exitCode()).as(result.err()).isEqualTo(1);
        assertThat(result.err()).contains("[ALERT] config : [" + cfg + ":10] : 'server app/s1' : verify is enabled by "
                        + "default but no CA file specified.")
                .contains("[ALERT] config : [" + cfg + ":11] : 'server app/s2' : unable to stat SSL certificate from file '"
                        + dir.resolve("missing.pem") + "' : No such file or directory.");
    }

    @Test
    void configurationWithoutListenerExitsTwo() throws IOException {
        Path cfg = Cli.config(dir, "nolistener.cfg",
                "defaults",
                "    mode http",
                "    timeout connect 5s",
                "    timeout client 10s",
                "    timeout server 10s",
                "backend app",
                "    server s1 127.0.0.1:18999");

        Cli.Result result = Cli.run("-c", "-f", cfg.toString());

        assertThat(result.exitCode()).as(result.err()).isEqualTo(2);
        assertThat(result.out())
                .contains("Configuration file has no error but will not start (no listener) => exit(2).");
    }

    @Test
    void errorsAreAlertsWithFileAndLineAndExitOne() throws IOException {
        Path cfg = Cli.config(dir, "bad.cfg",
                "frontend web",
                "    bind 127.0.0.1:" + Cli.freePort(),
                "    bogus-keyword on");

        Cli.Result result = Cli.run("-c", "-f", cfg.toString());

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err())
                .contains("[ALERT]")
                .contains("bad.cfg:3")
                .contains("bogus-keyword")
                .contains("Fatal errors found in configuration.");
        assertThat(result.out()).doesNotContain("Configuration file is valid");
    }

    /** -c agrees with what runs: the file@ rotation words pass, a wrong one is named with file and line. */
    @Test
    void logFileTargetsAreJudgedAsTheShipperRunsThem() throws IOException {
        String[] lines = {
            "global",
            "    log file@" + dir.resolve("t.log") + " rotate daily keep 7 compress dateext local0 info",
            "    log file@" + dir.resolve("s.log") + " rotate size 10m keep 3 compress local1 notice",
            "defaults",
            "    mode http",
            "    timeout connect 5s",
            "    timeout client 10s",
            "    timeout server 10s",
            "frontend web",
            "    bind 127.0.0.1:" + Cli.freePort(),
            "    log global",
            "    default_backend app",
            "backend app",
            "    server s1 127.0.0.1:18999"};
        Cli.Result ok = Cli.run("-c", "-f", Cli.config(dir, "files.cfg", lines).toString());
        assertThat(ok.exitCode()).as(ok.err()).isZero();
        assertThat(ok.out()).contains("Configuration file is valid");

        lines[2] = "    log file@" + dir.resolve("s.log") + " rotate weekly local1";
        Path bad = Cli.config(dir, "badfiles.cfg", lines);
        Cli.Result refused = Cli.run("-c", "-f", bad.toString());
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err()).contains("[ALERT] parsing [" + bad + ":3] : log : 'rotate' expects size <n>, "
                + "daily or hourly, got 'weekly'");
    }

    @Test
    void missingFileIsAnAlert() {
        Cli.Result result = Cli.run("-c", "-f", dir.resolve("absent.cfg").toString());

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("[ALERT] config : Cannot open configuration file/directory")
                .contains("absent.cfg");
    }

    @Test
    void directoryContributesItsCfgFilesInNameOrder() throws IOException {
        Path confd = Files.createDirectory(dir.resolve("conf.d"));
        Cli.config(confd, "10-defaults.cfg",
                "defaults",
                "    mode http",
                "    timeout connect 5s",
                "    timeout client 10s",
                "    timeout server 10s");
        Cli.config(confd, "20-web.cfg",
                "frontend web",
                "    bind 127.0.0.1:" + Cli.freePort(),
                "    default_backend app",
                "backend app",
                "    server s1 127.0.0.1:18999");
        Cli.config(confd, "README", "not a configuration file");

        Cli.Result result = Cli.run("-c", "-f", confd.toString());
        assertThat(result.exitCode()).as(result.err()).isZero();
    }

    @Test
    void exampleDemoConfigurationIsValid() {
        Cli.Result result = Cli.run("-c", "-f", Path.of("..", "examples", "demo.cfg").toString());

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("Configuration file is valid");
    }

    @Test
    void noConfigurationIsAUsageError() {
        Cli.Result result = Cli.run();

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("No configuration file specified").contains("Usage:");
    }

    @Test
    void unknownOptionIsAUsageError() {
        Cli.Result result = Cli.run("-Z");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("[ALERT]").contains("-Z");
    }
}
