package io.tollgate.engine.config;

import io.tollgate.engine.tls.BindTls;
import io.tollgate.engine.tls.CertifiedKey;
import io.tollgate.engine.tls.ServerTls;
import io.tollgate.engine.tls.TlsDefaults;
import io.tollgate.engine.tls.TlsFixtures;
import io.tollgate.engine.tls.Verify;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * TLS, PROXY protocol and SOCKS4 on {@code bind}, {@code server} and in {@code global}: what is
 * kept, and HAProxy 2.6's messages (checked with {@code haproxy -c}) for what is wrong.
 */
class TlsKeywordsTest {
    private static final String LOCALHOST = TlsFixtures.path("localhost.pem").toString();
    private static final String CA = TlsFixtures.path("ca.pem").toString();

    private static String frontend(String bindLines) {
        return "defaults\n  mode http\n  timeout client 1s\n  timeout connect 1s\n  timeout server 1s\n"
                + "frontend fe\n" + bindLines + "  default_backend be\nbackend be\n  server s1 127.0.0.1:8080\n";
    }

    private static BindTls tls(Config config) {
        return config.proxy("fe").orElseThrow().binds().get(0).tls();
    }

    @Test
    void anSslBindReadsItsCertificatesWhereItIsDeclared() {
        BindTls tls = tls(TestConfigs.load(frontend("  bind :443 ssl crt " + LOCALHOST + " crt " + TlsFixtures.path("sni")
                + " alpn http/1.1 verify optional ca-file " + CA + " strict-sni prefer-client-ciphers\n")));
        assertThat(tls.certificates()).flatExtracting(CertifiedKey::names)
                .containsExactly("localhost", "a.example", "*.a.example", "b.example");
        assertThat(tls.protocols()).containsExactly("TLSv1.2", "TLSv1.3");
        assertThat(tls.cipherSuites()).isNull();
        assertThat(tls.alpn()).containsExactly("http/1.1");
        assertThat(tls.verify()).isEqualTo(Verify.OPTIONAL);
        assertThat(tls.clientCas()).hasSize(1);
        assertThat(tls.strictSni()).isTrue();
        assertThat(tls.preferClientCiphers()).isTrue();
        assertThat(TestConfigs.load(frontend("  bind :80\n")).proxy("fe").orElseThrow().binds().get(0).tls()).isNull();
    }

    @Test
    void versionsAndCiphers() {
        BindTls tls = tls(TestConfigs.load(frontend("  bind :443 ssl crt " + LOCALHOST
                + " ssl-min-ver TLSv1.3 ciphersuites TLS_AES_256_GCM_SHA384\n")));
        assertThat(tls.protocols()).containsExactly("TLSv1.3");
        assertThat(tls.cipherSuites()).contains("TLS_AES_256_GCM_SHA384").doesNotContain("TLS_AES_128_GCM_SHA256");
        BindTls forced = tls(TestConfigs.load(frontend("  bind :443 ssl crt " + LOCALHOST
                + " force-tlsv12 ciphers ECDHE-RSA-AES128-GCM-SHA256\n")));
        assertThat(forced.protocols()).containsExactly("TLSv1.2");
        assertThat(forced.cipherSuites()).contains("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256")
                .doesNotContain("TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384");
    }

    @Test
    void bindErrors() {
        assertThat(TestConfigs.errors(frontend("""
                  bind :8443 ssl crt missing.pem
                  bind :8444 ssl crt-list list.txt
                  bind :8445 ssl crt %1$s ssl-min-ver TLSv1.4
                  bind :8446 ssl crt %1$s verify maybe
                  bind :8447 ssl crt %1$s no-tlsv14
                  bind :8448 ssl crt %1$s ca-file nothere.pem
                  bind :8449 ssl crt %2$s
                  bind :8450 ssl crt %3$s
                """.formatted(LOCALHOST, TlsFixtures.path("mismatch.pem"), TlsFixtures.path("garbage.pem")))))
                .containsExactly(
                        "[ALERT] parsing [t.cfg:7] : 'bind :8443' in section 'frontend' : unable to stat SSL certificate "
                                + "from file 'missing.pem' : No such file or directory.",
                        "[ALERT] parsing [t.cfg:8] : 'bind :8444' in section 'frontend' : 'crt-list' is not supported yet by "
                                + "Tollgate: name the certificates with 'crt' (a file or a directory of files)",
                        "[ALERT] parsing [t.cfg:9] : 'bind :8445' in section 'frontend' : 'TLSv1.4' : unknown ssl/tls version",
                        "[ALERT] parsing [t.cfg:10] : 'bind :8446' in section 'frontend' : 'verify' : unknown verify method "
                                + "'maybe', only 'none', 'optional', and 'required' are supported",
                        "[ALERT] parsing [t.cfg:11] : 'bind :8447' in section 'frontend' : unknown keyword 'no-tlsv14'; "
                                + "did you mean 'no-tlsv10' maybe ?",
                        "[ALERT] parsing [t.cfg:12] : 'bind :8448' in section 'frontend' : 'ca-file' : unable to load nothere.pem",
                        "[ALERT] parsing [t.cfg:13] : 'bind :8449' in section 'frontend' : inconsistencies between private key "
                                + "and certificate loaded '" + TlsFixtures.path("mismatch.pem") + "'.",
                        "[ALERT] parsing [t.cfg:14] : 'bind :8450' in section 'frontend' : unable to load certificate from file '"
                                + TlsFixtures.path("garbage.pem") + "'.");
    }

    @Test
    void checksOnceTheBindLineIsRead() {
        assertThat(TestConfigs.errors(frontend("""
                  bind :8451 ssl
                  bind :8452 ssl crt %1$s verify required
                  bind :8453 ssl crt %1$s ciphers FOO:BAR
                  bind :8454 ssl crt %1$s ciphersuites FOO
                  bind :8455 ssl crt %1$s no-tlsv12 no-tlsv13
                """.formatted(LOCALHOST)))).containsExactly(
                "[ALERT] config : Proxy 'fe': no SSL certificate specified for bind ':8451' at [t.cfg:7] (use 'crt').",
                "[ALERT] config : Proxy 'fe': verify is enabled but no CA file specified for bind ':8452' at [t.cfg:8].",
                "[ALERT] config : Proxy 'fe': unable to set SSL cipher list to 'FOO:BAR' for bind ':8453' at [t.cfg:9].",
                "[ALERT] config : Proxy 'fe': unable to set TLS 1.3 cipher suites to 'FOO' for bind ':8454' at [t.cfg:10].",
                "[ALERT] config : Proxy 'fe': all SSL/TLS versions are disabled for bind ':8455' at [t.cfg:11].");
    }

    @Test
    void warnings() {
        assertThat(TestConfigs.warnings(frontend("""
                  bind :8443 ssl crt %1$s alpn h2,http/1.1
                  bind :8444 ssl crt %1$s no-sslv3 ssl-min-ver TLSv1.2 ciphers FOO:ECDHE-RSA-AES128-GCM-SHA256
                  bind :8445 ssl crt %1$s ciphers HIGH:!aNULL crt-ignore-err all
                """.formatted(LOCALHOST)))).containsExactly(
                "[WARNING] parsing [t.cfg:7] : 'alpn h2,http/1.1' on 'bind :8443' : Tollgate speaks HTTP/1.1 only, 'h2' not offered.",
                "[WARNING] config : Proxy 'fe': no-sslv3/no-tlsv1x are ignored for bind ':8444' at [t.cfg:8]. "
                        + "Use only 'ssl-min-ver' and 'ssl-max-ver' to fix.",
                "[WARNING] config : Proxy 'fe': 'FOO' in the SSL cipher list for bind ':8444' at [t.cfg:8] are not known "
                        + "to this JDK, ignored.",
                "[WARNING] parsing [t.cfg:9] : 'crt-ignore-err' on 'bind :8445' is not supported yet by Tollgate: "
                        + "certificate errors are not ignored.",
                "[WARNING] config : Proxy 'fe': OpenSSL cipher sets 'HIGH' in the SSL cipher list for bind ':8445' at "
                        + "[t.cfg:9] are not expanded by Tollgate: the JDK's default cipher suites are used.");
    }

    @Test
    void globalDefaultsAndBasesApplyToLaterBinds() throws Exception {
        Path dir = TlsFixtures.copy(List.of("localhost.pem", "ca.pem"));
        Files.createDirectories(dir.resolve("certs"));
        Files.copy(dir.resolve("localhost.pem"), dir.resolve("certs/site.pem"));
        Config config = load(dir, """
                global
                  crt-base certs
                  ca-base .
                  ssl-default-bind-ciphers ECDHE-RSA-AES256-GCM-SHA384
                  ssl-default-bind-options ssl-min-ver TLSv1.3 prefer-client-ciphers
                  ssl-default-server-options no-tlsv13
                  ssl-server-verify none
                """ + frontend("  bind :443 ssl crt site.pem ca-file ca.pem verify required\n"));
        BindTls tls = tls(config);
        assertThat(tls.certificates().get(0).file()).isEqualTo("certs/site.pem");
        assertThat(tls.protocols()).containsExactly("TLSv1.3");
        assertThat(tls.cipherSuites()).contains("TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384")
                .doesNotContain("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256");
        assertThat(tls.preferClientCiphers()).isTrue();
        assertThat(config.global().tls().crtBase()).isEqualTo("certs");
        assertThat(config.global().tls().serverVerifyRequired()).isFalse();
        assertThat(config.global().tls().server().versions().disabled()).hasSize(1);
    }

    /**
     * The global TLS settings are those of the load being read, as far as it has been read:
     * HAProxy resolves {@code crt} when the bind line is parsed (2.6.12 loads
     * {@code localhost.pem} here, and {@code certs/localhost.pem} with the global section
     * first), and a second load starts from none.
     */
    @Test
    void globalTlsSettingsApplyFromWhereTheyAreReadWithinTheirLoad() throws Exception {
        Path dir = TlsFixtures.copy(List.of("localhost.pem"));
        Config first = load(dir, frontend("  bind :443 ssl crt localhost.pem\n") + "global\n  crt-base certs\n");
        assertThat(tls(first).certificates().get(0).file()).isEqualTo("localhost.pem");
        assertThat(first.global().tls().crtBase()).isEqualTo("certs");

        Config second = load(dir, frontend("  bind :443 ssl crt localhost.pem\n"));
        assertThat(second.global().tls()).isEqualTo(TlsDefaults.NONE);
    }

    @Test
    void globalErrors() {
        assertThat(TestConfigs.errors("""
                global
                  crt-base .
                  crt-base /x
                  ca-base
                  ssl-default-bind-options no-sslv3 bogus
                  ssl-default-server-options ssl-min-ver TLSv9
                  ssl-default-bind-ciphers
                  ssl-server-verify maybe
                  tune.ssl.default-dh-param 512
                  ssl-dh-param-file /nonexistent
                  ssl-default-bind-ciphers a b
                """)).containsExactly(
                "[ALERT] parsing [t.cfg:3] : 'crt-base' already specified.",
                "[ALERT] parsing [t.cfg:4] : global statement 'ca-base' expects a directory path as an argument.",
                "[ALERT] parsing [t.cfg:5] : unknown option 'bogus' on global statement 'ssl-default-bind-options'.",
                "[ALERT] parsing [t.cfg:6] : 'TLSv9' : unknown ssl/tls version on global statement 'ssl-default-server-options'.",
                "[ALERT] parsing [t.cfg:7] : global statement 'ssl-default-bind-ciphers' expects a cipher suite as an argument.",
                "[ALERT] parsing [t.cfg:8] : 'ssl-server-verify' expects 'none' or 'required' as argument.",
                "[ALERT] parsing [t.cfg:9] : 'tune.ssl.default-dh-param' expects a value >= 1024.",
                "[ALERT] parsing [t.cfg:10] : 'ssl-dh-param-file': unable to load DH parameters from file </nonexistent>.",
                "[ALERT] parsing [t.cfg:11] : 'ssl-default-bind-ciphers' cannot handle unexpected argument 'b'.");
    }

    @Test
    void serverTlsProxyHeaderAndSocks() {
        Config config = TestConfigs.load("""
                defaults
                  timeout client 1s
                  timeout connect 1s
                  timeout server 1s
                backend be
                  default-server ssl verify none
                  server s1 10.0.0.1:443 sni req.hdr(host) alpn h2,http/1.1 crt client.pem ca-file ca.pem verify required
                  server s2 10.0.0.2:80 no-ssl send-proxy
                  server s3 10.0.0.3:80 send-proxy send-proxy-v2 socks4 127.0.0.1:1080
                  server s4 10.0.0.4:443 ssl-max-ver TLSv1.2 ciphers ECDHE-RSA-AES128-GCM-SHA256 verifyhost api.test
                """);
        List<ServerConfig> servers = config.proxy("be").orElseThrow().servers();
        ServerTls s1 = servers.get(0).tls();
        assertThat(s1.verify()).isEqualTo(Verify.REQUIRED);
        assertThat(s1.sni().toString()).isEqualTo("req.hdr(host)");
        assertThat(s1.alpn()).containsExactly("http/1.1");
        assertThat(s1.crt()).isEqualTo("client.pem");
        assertThat(s1.caFile()).isEqualTo("ca.pem");
        assertThat(servers.get(1).tls()).isNull();
        assertThat(servers.get(1).sendProxy()).isEqualTo(1);
        assertThat(servers.get(2).sendProxy()).isEqualTo(2);
        assertThat(servers.get(2).socks4()).isEqualTo(new HostPort("127.0.0.1", 1080));
        ServerTls s4 = servers.get(3).tls();
        assertThat(s4.verify()).isEqualTo(Verify.NONE);
        assertThat(s4.verifyHost()).isEqualTo("api.test");
        assertThat(s4.options().ciphers()).isEqualTo("ECDHE-RSA-AES128-GCM-SHA256");
        assertThat(s4.options().versions().max()).hasToString("TLSV12");
    }

    @Test
    void serverErrors() {
        assertThat(TestConfigs.errors("""
                backend be
                  server s5 127.0.0.1:80 ssl verify none sni foo(bar)
                  server s6 127.0.0.1:80 socks4 127.0.0.1
                  server s7 127.0.0.1:80 socks4 bad:host:x
                  server s8 127.0.0.1:80 crl-file crl.pem
                """)).containsExactly(
                "[ALERT] parsing [t.cfg:2] : 'server be/s5' : error detected while parsing sni expression : unknown fetch "
                        + "method 'foo' (Tollgate evaluates str(), req.hdr(), hdr(), req.fhdr() and ssl_fc_sni)",
                "[ALERT] parsing [t.cfg:3] : 'server be/s6' : 'socks4 127.0.0.1' : missing port specification in '127.0.0.1'.",
                "[ALERT] parsing [t.cfg:4] : 'server be/s7' : 'socks4 bad:host:x' : invalid address: 'bad:host' in 'bad:host:x'",
                "[ALERT] parsing [t.cfg:5] : 'server be/s8' : 'crl-file' is not supported yet by Tollgate");
    }

    private static Config load(Path dir, String text) throws IOException, ConfigException {
        Files.writeString(dir.resolve("t.cfg"), text);
        return ConfigLoader.load(List.of(Path.of("t.cfg")), Map.of(), dir);
    }
}
