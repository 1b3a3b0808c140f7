package io.tollgate.engine.config;

import org.junit.jupiter.api.Test;

import static io.tollgate.engine.config.TestConfigs.proxies;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code log-tag} and {@code log-send-hostname}: what they set, and HAProxy 2.6's errors for them (as {@code haproxy -c} prints them). */
class LogTagKeywordsTest {

    private static ProxyConfig proxy(Config config, String name) {
        return config.proxies().stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void globalTagAndHostnameAreRead() {
        Config config = TestConfigs.load("global\n  log-tag mytag\n  log-send-hostname myhost\n" + proxies("", ""));
        assertThat(config.global().logTag()).isEqualTo("mytag");
        assertThat(config.global().logHostname()).isEqualTo("myhost");
        assertThat(config.warnings()).isEmpty();
    }

    @Test
    void withoutNameTheHostnameIsTheMachines() {
        Config config = TestConfigs.load("global\n  log-send-hostname\n" + proxies("", ""));
        assertThat(config.global().logHostname()).isEqualTo(LogTagKeywords.machineHostname()).isNotBlank();
        // an empty word is no name either, and the words after the name are ignored, as in HAProxy
        assertThat(TestConfigs.load("global\n  log-send-hostname \"\"\n" + proxies("", "")).global().logHostname())
                .isEqualTo(LogTagKeywords.machineHostname());
        assertThat(TestConfigs.load("global\n  log-send-hostname a b\n" + proxies("", "")).global().logHostname())
                .isEqualTo("a");
    }

    @Test
    void nothingSetMeansNoTagNoHostname() {
        Config config = TestConfigs.load(proxies("", ""));
        assertThat(config.global().logTag()).isNull();
        assertThat(config.global().logHostname()).isNull();
        assertThat(proxy(config, "fe").logTag()).isNull();
    }

    @Test
    void aProxyTagIsInheritedFromDefaultsAndOverridden() {
        Config config = TestConfigs.load(proxies("  log-tag fetag\n", "").replaceFirst("defaults\n", "defaults\n  log-tag deftag\n"));
        assertThat(proxy(config, "fe").logTag()).isEqualTo("fetag");
        assertThat(proxy(config, "be").logTag()).isEqualTo("deftag");
        // HAProxy ignores a proxy log-tag's extra words
        assertThat(proxy(TestConfigs.load(proxies("", "  log-tag a b\n")), "be").logTag()).isEqualTo("a");
        assertThat(TestConfigs.warnings(proxies("", "  log-tag a b\n"))).isEmpty();
    }

    @Test
    void badArgumentsAreHaproxysErrors() {
        assertThat(TestConfigs.errors("global\n  log-tag\n" + proxies("", "")))
                .contains("[ALERT] parsing [t.cfg:2] : 'log-tag' expects a tag for use in syslog.");
        assertThat(TestConfigs.errors("global\n  log-tag \"\"\n" + proxies("", "")))
                .contains("[ALERT] parsing [t.cfg:2] : 'log-tag' expects a tag for use in syslog.");
        assertThat(TestConfigs.errors("global\n  log-tag a b\n" + proxies("", "")))
                .contains("[ALERT] parsing [t.cfg:2] : 'log-tag' cannot handle unexpected argument 'b'.");
        assertThat(TestConfigs.errors(proxies("  log-tag\n", "")))
                .contains("[ALERT] parsing [t.cfg:8] : 'log-tag' expects a tag for use in syslog.");
        assertThat(TestConfigs.errors(proxies("", "").replaceFirst("defaults\n", "defaults\n  log-tag \"\"\n")))
                .contains("[ALERT] parsing [t.cfg:2] : 'log-tag' expects a tag for use in syslog.");
    }
}
