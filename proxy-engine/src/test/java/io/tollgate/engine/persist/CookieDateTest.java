package io.tollgate.engine.persist;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** HAProxy's five-character cookie dates. */
class CookieDateTest {
    @Test
    void encodesAsHaproxyDid() {
        // HAProxy 2.6.12 answered "set-cookie: SRV=s1|awRhP; path=/" at 1795449147 (maxidle 30s).
        assertThat(CookieDate.encode(1_795_449_147L)).isEqualTo("awRhP");
        // and "SRV=s1|awRhR|awRhR" a few seconds later with maxlife.
        assertThat(CookieDate.encode(1_795_449_155L)).isEqualTo("awRhR");
    }

    @Test
    void roundsUpToTheNextFourSeconds() {
        long base = 1_795_449_148L;
        assertThat(base % 4).isZero();
        assertThat(CookieDate.decode(CookieDate.encode(base), 0)).isEqualTo(base);
        assertThat(CookieDate.decode(CookieDate.encode(base + 1), 0)).isEqualTo(base + 4);
        assertThat(CookieDate.decode(CookieDate.encode(base + 3), 0)).isEqualTo(base + 4);
        assertThat(CookieDate.decode(CookieDate.encode(base + 4), 0)).isEqualTo(base + 4);
    }

    @Test
    void theAlphabetIsStandardBase64MostSignificantFirst() {
        assertThat(CookieDate.encode(0)).isEqualTo("AAAAA");
        assertThat(CookieDate.encode(4)).isEqualTo("AAAAB");
        assertThat(CookieDate.encode(63 * 4)).isEqualTo("AAAA/");
        assertThat(CookieDate.encode(62 * 4)).isEqualTo("AAAA+");
        assertThat(CookieDate.encode(64 * 4)).isEqualTo("AAABA");
        assertThat(CookieDate.decode("/////", 0)).isEqualTo(((1L << 30) - 1) << 2);
    }

    @Test
    void decodesInsideALongerValue() {
        assertThat(CookieDate.decode("s1|awRhP|awRhR", 3)).isEqualTo(1_795_449_148L);
        assertThat(CookieDate.decode("s1|awRhP|awRhR", 9)).isEqualTo(1_795_449_156L);
    }

    @Test
    void refusesWhatIsNotFiveBase64Characters() {
        assertThat(CookieDate.decode("awRh", 0)).isEqualTo(-1);
        assertThat(CookieDate.decode("awRhP", 1)).isEqualTo(-1);
        assertThat(CookieDate.decode("awRh=", 0)).isEqualTo(-1);
        assertThat(CookieDate.decode("!!!!!", 0)).isEqualTo(-1);
        assertThat(CookieDate.decode("aw-hP", 0)).isEqualTo(-1);
        assertThat(CookieDate.decode("aw_hP", 0)).isEqualTo(-1);
        assertThat(CookieDate.decode("|awRh", 0)).isEqualTo(-1);
    }
}
