package io.tollgate.engine.config;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Suggestions checked against what HAProxy 2.6.12 printed for the same typos. */
class WordFingerprintTest {

    private static String suggest(String word) {
        return ProxyKeywords.TABLE.suggest(word, Sections.keywords());
    }

    @Test
    void suggestsWhatHaproxySuggests() {
        assertThat(suggest("defualt_backend")).isEqualTo("default_backend");
        assertThat(suggest("mod")).isEqualTo("mode");
        assertThat(suggest("use-backend")).isEqualTo("use_backend");
        assertThat(suggest("opton")).isEqualTo("option");
        assertThat(suggest("acll")).isEqualTo("acl");
        assertThat(suggest("sever")).isEqualTo("server");
        assertThat(suggest("tiemout")).isEqualTo("timeout");
        assertThat(GlobalKeywords.TABLE.suggest("maxcon", Sections.keywords())).isEqualTo("maxconn");
        assertThat(GlobalKeywords.TABLE.suggest("pidfil", Sections.keywords())).isEqualTo("pidfile");
    }

    @Test
    void suggestsNothingWhenNothingIsClose() {
        // HAProxy says nothing for 'rise' in a backend either.
        assertThat(suggest("rise")).isNull();
        assertThat(WordFingerprint.bestMatch("zzzzzz", List.of("balance"), List.of())).isNull();
    }
}
