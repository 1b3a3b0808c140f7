package io.tollgate.engine.config;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every real HAProxy 2.6 keyword is recognised (supported, ignored with a warning or refused),
 * so that "unknown keyword" only ever means a typo or a keyword of another version. The lists
 * come from HAProxy 2.6's {@code cfgparse-listen.c}, {@code cfgparse-global.c} and the
 * {@code cfg_kws} tables registered by its other files.
 */
class KeywordTablesTest {
    private static final List<String> HAPROXY_26_PROXY_KEYWORDS = List.of("acl", "appsession", "backlog", "balance",
            "bind", "bind-process", "block", "capture", "cliexp", "clitcpka-cnt", "clitcpka-idle", "clitcpka-intvl",
            "clitimeout", "compression", "contimeout", "cookie", "declare", "default-server", "default_backend",
            "description", "disabled", "dispatch", "dynamic-cookie-key", "email-alert", "enabled", "error-log-format",
            "errorfile", "errorfiles", "errorloc", "errorloc302", "errorloc303", "external-check", "filter",
            "force-persist", "fullconn", "grace", "hash-balance-factor", "hash-type", "http-after-response",
            "http-check", "http-error", "http-request", "http-response", "http-reuse", "http-send-name-header", "id",
            "ignore-persist", "load-server-state-from-file", "log", "log-format", "log-format-sd", "log-tag",
            "max-keep-alive-queue", "max-session-srv-conns", "maxconn", "mode", "monitor", "monitor-net",
            "monitor-uri", "option", "persist", "rate-limit", "redirect", "redispatch", "reqadd", "reqallow", "reqdel",
            "reqdeny", "reqiallow", "reqidel", "reqideny", "reqipass", "reqirep", "reqitarpit", "reqpass", "reqrep",
            "reqtarpit", "retries", "retry-on", "rspadd", "rspdel", "rspdeny", "rspidel", "rspideny", "rspirep",
            "rsprep", "server", "server-state-file-name", "server-template", "source", "srvexp", "srvtcpka-cnt",
            "srvtcpka-idle", "srvtcpka-intvl", "srvtimeout", "stats", "stick", "stick-table", "tcp-check",
            "tcp-request", "tcp-response", "timeout", "transparent", "unique-id-format", "unique-id-header",
            "use-fcgi-app", "use-server", "use_backend", "usesrc");

    private static final List<String> HAPROXY_26_GLOBAL_KEYWORDS = List.of("busy-polling", "ca-base", "chroot",
            "cluster-secret", "cpu-map", "crt-base", "daemon", "default-path", "description",
            "expose-experimental-directives", "external-check", "gid", "group", "hard-stop-after",
            "h2-workaround-bogus-websocket-clients", "httpclient.resolvers.id", "httpclient.resolvers.prefer",
            "httpclient.ssl.ca-file", "httpclient.ssl.verify", "insecure-fork-wanted", "insecure-setuid-wanted",
            "localpeer", "log", "log-send-hostname", "log-tag", "lua-load", "lua-load-per-thread", "lua-prepend-path",
            "master-worker", "max-spread-checks", "maxcompcpuusage", "maxcomprate", "maxconn", "maxconnrate",
            "maxpipes", "maxsessrate", "maxsslconn", "maxsslrate", "maxzlibmem", "nbproc", "nbthread", "node",
            "noepoll", "noevports", "nogetaddrinfo", "nokqueue", "nopoll", "noreuseport", "nosplice",
            "numa-cpu-mapping", "pidfile", "presetenv", "quiet", "resetenv", "server-state-base",
            "server-state-file", "set-dumpable", "setenv", "spread-checks", "ssl-default-bind-ciphers",
            "ssl-default-bind-ciphersuites", "ssl-default-bind-options", "ssl-default-server-ciphers",
            "ssl-default-server-ciphersuites", "ssl-default-server-options", "ssl-dh-param-file", "ssl-server-verify",
            "stats", "strict-limits", "tune.bufsize", "tune.ssl.default-dh-param", "uid", "ulimit-n", "unix-bind",
            "unsetenv", "user", "zero-warning");

    @Test
    void everyHaproxy26ProxyKeywordIsRecognised() {
        assertThat(HAPROXY_26_PROXY_KEYWORDS).allSatisfy(k -> assertThat(ProxyKeywords.TABLE.find(k)).as(k).isPresent());
    }

    @Test
    void everyHaproxy26GlobalKeywordIsRecognised() {
        assertThat(HAPROXY_26_GLOBAL_KEYWORDS).allSatisfy(k -> assertThat(GlobalKeywords.TABLE.find(k)).as(k).isPresent());
    }

    @Test
    void keywordsOfOtherVersionsAreUnknown() {
        assertThat(GlobalKeywords.TABLE.find("warn-blocked-traffic-after")).isEmpty();
        assertThat(ProxyKeywords.TABLE.find("ssl-f-use")).isEmpty();
        assertThat(ProxyKeywords.TABLE.find("rise")).isEmpty();
    }

    @Test
    void aWordRegisteredTwiceIsAProgrammingError() {
        KeywordTable<Object> table = new KeywordTable<>().add("x", (l, s, p) -> { });
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> table.add("x", (l, s, p) -> { }))
                .isInstanceOf(IllegalStateException.class);
    }
}
