package io.tollgate.engine.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Whole-configuration behaviour: sections, references, ids, several files, error collection. */
class ConfigLoaderTest {

    @Test
    void proxyIdsFollowDeclarationOrderAroundExplicitOnes() {
        // without a stats socket the first id is 1 (below: 2 with one, HAProxy's CLI proxy taking 1)
        assertThat(TestConfigs.load("frontend a\nbackend b\n").proxies()).extracting(ProxyConfig::id).containsExactly(1, 2);
        Config config = TestConfigs.load("""
                global
                    stats socket /tmp/tollgate-test.sock
                frontend a
                backend b
                    id 3
                listen c
                backend d
                """);
        assertThat(config.proxies()).extracting(ProxyConfig::name).containsExactly("a", "b", "c", "d");
        assertThat(config.proxies()).extracting(ProxyConfig::id).containsExactly(2, 3, 4, 5);
        assertThat(config.proxies()).extracting(ProxyConfig::kind)
                .containsExactly(ProxyKind.FRONTEND, ProxyKind.BACKEND, ProxyKind.LISTEN, ProxyKind.BACKEND);
    }

    @Test
    void aConfigurationWithoutListenerIsValidButSaysSo() {
        Config config = TestConfigs.load("global\n  maxconn 10\ndefaults\n  mode http\nbackend b\n");
        assertThat(config.hasListeners()).isFalse();
        assertThat(TestConfigs.load("frontend f\n  bind :80\n  timeout client 1s\n").hasListeners()).isTrue();
    }

    @Test
    void otherSectionTypesAreSkippedWithAWarning() {
        assertThat(TestConfigs.warnings("""
                peers mypeers
                    peer a 127.0.0.1:10000
                    server b 127.0.0.1:10001
                resolvers dns
                    nameserver ns1 127.0.0.53:53
                    timeout resolve 1s
                program api
                    command /bin/true
                    no option start-on-reload
                global
                    maxconn 10
                """)).containsExactly(
                "[WARNING] parsing [t.cfg:1] : section 'peers' is not supported yet, ignored",
                "[WARNING] parsing [t.cfg:4] : section 'resolvers' is not supported yet, ignored",
                "[WARNING] parsing [t.cfg:7] : section 'program' is not supported yet, ignored");
    }

    @Test
    void everyErrorIsCollectedWithFileAndLine() {
        ConfigException e = catchException("""
                globl
                global
                    maxcon 1
                frontend fe
                    bind :80
                    defualt_backend be
                    default_backend nope
                    timeout client 1s
                frontend fe
                    bind :81
                    default_backend only_fe
                    timeout client 1s
                frontend only_fe
                    bind :82
                    timeout client 1s
                backend be
                    server s1
                listen web 0.0.0.0:80
                    server w 1.2.3.4:80
                """);
        assertThat(e.problems()).map(ConfigProblem::toString).containsExactly(
                "[ALERT] parsing [t.cfg:1] : unknown keyword 'globl' out of section.",
                "[ALERT] parsing [t.cfg:3] : unknown keyword 'maxcon' in 'global' section; did you mean 'maxconn' maybe ?",
                "[ALERT] parsing [t.cfg:6] : unknown keyword 'defualt_backend' in 'frontend' section; did you mean 'default_backend' maybe ?",
                "[ALERT] parsing [t.cfg:9] : frontend 'fe' has the same name as frontend 'fe' declared at t.cfg:4.",
                "[ALERT] parsing [t.cfg:17] : 'server' expects <name> and <addr>[:<port>] as arguments.",
                "[ALERT] parsing [t.cfg:18] : please use the 'bind' keyword for listening addresses.",
                "[ALERT] parsing [t.cfg:7] : Proxy 'fe': unable to find required default_backend: 'nope'.",
                "[ALERT] parsing [t.cfg:11] : Proxy 'fe': unable to find required default_backend: 'only_fe'.");
        assertThat(e.getMessage()).startsWith("[ALERT] parsing [t.cfg:1] : unknown keyword 'globl' out of section.\n");
    }

    @Test
    void aListenConflictsWithFrontendsAndBackendsButAFrontendMayShareABackendsName() {
        assertThat(TestConfigs.errors("backend x\nlisten x\nfrontend y\nlisten y\nfrontend z\nbackend z\n")).containsExactly(
                "[ALERT] parsing [t.cfg:2] : proxy 'x' has the same name as backend 'x' declared at t.cfg:1.",
                "[ALERT] parsing [t.cfg:4] : proxy 'y' has the same name as frontend 'y' declared at t.cfg:3.");
    }

    @Test
    void duplicateProxyIds() {
        assertThat(TestConfigs.errors("frontend a\n  id 5\nbackend b\n  id 5\n")).containsExactly(
                "[ALERT] parsing [t.cfg:4] : backend b reuses same custom id as frontend a (declared at t.cfg:1).");
    }

    @Test
    void backendReferencesAreChecked() {
        assertThat(TestConfigs.errors("""
                defaults
                    timeout client 1s
                    timeout connect 1s
                    timeout server 1s
                frontend web
                    mode http
                    bind :80
                    default_backend tcpbe
                    use_backend gone
                listen loop
                    bind :81
                    default_backend loop
                backend tcpbe
                    server s 1.2.3.4:80
                """)).containsExactly(
                "[ALERT] parsing [t.cfg:8] : http frontend 'web' (t.cfg:5) tries to use incompatible tcp backend 'tcpbe' "
                        + "(t.cfg:13) as its default backend (see 'mode').",
                "[ALERT] parsing [t.cfg:9] : Proxy 'web': unable to find required use_backend: 'gone'.",
                "[ALERT] parsing [t.cfg:12] : Proxy 'loop': loop detected for default_backend: 'loop'.");
    }

    @Test
    void missingTimeoutsAreWarnedAboutAsHaproxyDoes() {
        assertThat(TestConfigs.warnings("frontend f\n  bind :80\n  default_backend b\nbackend b\n  server s 1.2.3.4:80\n"
                + "backend empty\nlisten l\n  bind :81\n  timeout client 1s\n  timeout connect 1s\n  timeout server 1s\n"))
                .containsExactly(
                        "[WARNING] config : missing timeouts for frontend 'f'.\n"
                                + "   | While not properly invalid, you will certainly encounter various problems\n"
                                + "   | with such a configuration. To fix this, please ensure that all following\n"
                                + "   | timeouts are set to a non-zero value: 'client', 'connect', 'server'.",
                        "[WARNING] config : missing timeouts for backend 'b'.\n"
                                + "   | While not properly invalid, you will certainly encounter various problems\n"
                                + "   | with such a configuration. To fix this, please ensure that all following\n"
                                + "   | timeouts are set to a non-zero value: 'client', 'connect', 'server'.");
    }

    @Test
    void directoriesAreReadInLexicalOrderAndSectionsDoNotSpanFiles(@TempDir Path dir) throws IOException, ConfigException {
        Path conf = Files.createDirectory(dir.resolve("conf.d"));
        Files.writeString(conf.resolve("20-backend.cfg"), "backend be\n  server s 1.2.3.4:80\n");
        Files.writeString(conf.resolve("10-frontend.cfg"), "frontend fe\n  bind :80\n  default_backend be\n");
        Files.writeString(conf.resolve("notes.txt"), "not a config\n");
        Files.writeString(dir.resolve("global.cfg"), "global\n  maxconn 99\n");
        Config config = ConfigLoader.load(List.of(Path.of("global.cfg"), Path.of("conf.d")), Map.of(), dir);
        assertThat(config.global().maxconn()).isEqualTo(99);
        assertThat(config.proxies()).extracting(ProxyConfig::name).containsExactly("fe", "be");

        Files.writeString(conf.resolve("30-orphan.cfg"), "  mode http\n");
        assertThatThrownBy(() -> ConfigLoader.load(List.of(Path.of("conf.d")), Map.of(), dir))
                .isInstanceOf(ConfigException.class)
                .hasMessage("[ALERT] parsing [conf.d/30-orphan.cfg:1] : unknown keyword 'mode' out of section.");
    }

    @Test
    void aMissingFileIsAnError(@TempDir Path dir) {
        assertThatThrownBy(() -> ConfigLoader.load(List.of(Path.of("nope.cfg")), Map.of(), dir))
                .hasMessage("[ALERT] config : Cannot open configuration file/directory nope.cfg : No such file or directory");
    }

    @Test
    void aMissingLfIsAnError() {
        assertThat(TestConfigs.errors("global\n  maxconn 10")).containsExactly(
                "[ALERT] parsing [t.cfg:2] : Missing LF on last line, file might have been truncated at position 13.");
    }

    @Test
    void errorfilesAreResolvedAgainstTheBaseDirectory(@TempDir Path dir) throws IOException, ConfigException {
        Files.writeString(dir.resolve("503.http"), "HTTP/1.0 503 Service Unavailable\r\n\r\n");
        Files.writeString(dir.resolve("t.cfg"), "defaults\n  errorfile 503 503.http\n  errorfile 504 504.http\n");
        assertThatThrownBy(() -> ConfigLoader.load(List.of(Path.of("t.cfg")), Map.of(), dir))
                .hasMessage("[ALERT] parsing [t.cfg:3] : errorfile : error opening file '504.http'.");
    }

    @Test
    void defaultPathConfigResolvesFilesFromTheConfigurationsDirectory(@TempDir Path dir) throws IOException, ConfigException {
        Path etc = Files.createDirectories(dir.resolve("etc/errors")).getParent();
        Files.writeString(etc.resolve("errors/503.http"), "HTTP/1.0 503 Service Unavailable\r\n\r\n");
        Files.writeString(etc.resolve("t.cfg"), "global\n  default-path config\ndefaults\n  errorfile 503 errors/503.http\n"
                + "listen l\n  mode http\n  timeout client 1s\n");
        Config config = ConfigLoader.load(List.of(Path.of("etc/t.cfg")), Map.of(), dir);
        assertThat(config.warnings()).isEmpty();
        assertThat(config.proxy("l").orElseThrow().errorPages().isOverridden(503)).isTrue();
    }

    private static ConfigException catchException(String text) {
        try {
            ConfigLoader.load(List.of(Path.of("t.cfg")), Map.of(), TestConfigs.write(text));
        } catch (ConfigException e) {
            return e;
        }
        throw new AssertionError("expected a ConfigException");
    }
}
