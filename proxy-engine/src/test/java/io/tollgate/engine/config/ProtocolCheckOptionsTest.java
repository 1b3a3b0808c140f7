package io.tollgate.engine.config;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code option mysql-check}, {@code pgsql-check}, {@code redis-check}, {@code smtpchk} and
 * {@code ssl-hello-chk}: the definitions they give and the messages {@code haproxy -c} 2.6.12
 * printed for the same lines.
 */
class ProtocolCheckOptionsTest {

    @Test
    void definitions() {
        Config config = TestConfigs.load("""
                defaults
                  mode tcp
                  timeout connect 1s
                  timeout client 1s
                  timeout server 1s
                  option redis-check
                backend inherited
                  server s 127.0.0.1:6379 check
                backend greeting
                  option mysql-check
                backend login
                  option mysql-check user haproxy
                backend login40
                  option mysql-check user haproxy pre-41
                backend login41
                  option mysql-check user haproxy post-41
                backend pg
                  option pgsql-check user postgres
                backend smtp
                  option smtpchk
                backend esmtp
                  option smtpchk EHLO example.org
                backend odd
                  option smtpchk HELLO example.org
                backend halfway
                  option smtpchk EHLO
                backend tls
                  option ssl-hello-chk
                backend last
                  option httpchk
                  option ssl-hello-chk
                """);
        assertThat(check(config, "inherited")).isEqualTo(new ProtocolCheckDefinition.Redis());
        assertThat(check(config, "greeting")).isEqualTo(new ProtocolCheckDefinition.MySql(null, true));
        assertThat(check(config, "login")).isEqualTo(new ProtocolCheckDefinition.MySql("haproxy", true));
        assertThat(check(config, "login40")).isEqualTo(new ProtocolCheckDefinition.MySql("haproxy", false));
        assertThat(check(config, "login41")).isEqualTo(new ProtocolCheckDefinition.MySql("haproxy", true));
        assertThat(check(config, "pg")).isEqualTo(new ProtocolCheckDefinition.PgSql("postgres"));
        assertThat(check(config, "smtp")).isEqualTo(new ProtocolCheckDefinition.Smtp("HELO localhost"));
        assertThat(check(config, "esmtp")).isEqualTo(new ProtocolCheckDefinition.Smtp("EHLO example.org"));
        // HAProxy falls back to its default hello without a word
        assertThat(check(config, "odd")).isEqualTo(new ProtocolCheckDefinition.Smtp("HELO localhost"));
        assertThat(check(config, "halfway")).isEqualTo(new ProtocolCheckDefinition.Smtp("HELO localhost"));
        assertThat(check(config, "tls")).isEqualTo(new ProtocolCheckDefinition.SslHello());
        assertThat(check(config, "last")).isEqualTo(new ProtocolCheckDefinition.SslHello());
        assertThat(config.warnings()).isEmpty();
    }

    @Test
    void haproxysMessages() {
        assertThat(TestConfigs.errors("""
                defaults
                  mode tcp
                backend b
                  option mysql-check foo
                  option mysql-check user
                  option mysql-check user x foo
                  option mysql-check user x post-41 extra
                  option pgsql-check
                  option pgsql-check user
                  option pgsql-check foo
                  option pgsql-check foo bar
                  option pgsql-check user x y
                  option redis-check x
                  option smtpchk a b c
                  option ssl-hello-chk x
                  no option redis-check
                frontend f
                  bind :8000
                  option mysql-check
                  option smtpchk
                """)).containsExactly(
                "[ALERT] parsing [t.cfg:4] : 'option mysql-check' only supports optional values: 'user' (got 'foo').",
                "[ALERT] parsing [t.cfg:5] : 'option mysql-check user' expects <username> as argument.",
                "[ALERT] parsing [t.cfg:6] : keyword 'user' only supports 'post-41' and 'pre-41' (got 'foo').",
                "[ALERT] parsing [t.cfg:7] : 'option mysql-check' cannot handle unexpected argument 'extra'.",
                "[ALERT] parsing [t.cfg:8] : 'option pgsql-check' expects 'user <username>' as argument.",
                "[ALERT] parsing [t.cfg:9] : 'option pgsql-check' expects 'user <username>' as argument.",
                "[ALERT] parsing [t.cfg:10] : 'option pgsql-check' expects 'user <username>' as argument.",
                "[ALERT] parsing [t.cfg:11] : 'option pgsql-check' only supports optional values: 'user'.",
                "[ALERT] parsing [t.cfg:12] : 'option pgsql-check' cannot handle unexpected argument 'y'.",
                "[ALERT] parsing [t.cfg:13] : 'option redis-check' cannot handle unexpected argument 'x'.",
                "[ALERT] parsing [t.cfg:14] : 'option smtpchk' cannot handle unexpected argument 'c'.",
                "[ALERT] parsing [t.cfg:15] : 'option ssl-hello-chk' cannot handle unexpected argument 'x'.",
                "[ALERT] parsing [t.cfg:16] : negation/default is not supported for option 'redis-check'.",
                "[WARNING] parsing [t.cfg:19] : 'mysql-check' ignored because frontend 'f' has no backend capability.",
                "[WARNING] parsing [t.cfg:20] : 'smtpchk' ignored because frontend 'f' has no backend capability.");
    }

    private static CheckDefinition check(Config config, String backend) {
        return config.proxy(backend).orElseThrow().rules().healthCheck();
    }
}
