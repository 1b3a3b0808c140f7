package io.tollgate.engine.tls;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** ssl-min-ver, ssl-max-ver, no-tlsv1x and force-tlsv1x, resolved as HAProxy 2.6 resolves them. */
class TlsVersionFilterTest {

    @Test
    void bindsDefaultToTls12AndUp() {
        TlsVersionFilter.Resolution r = TlsVersionFilter.NONE.resolve(TlsVersion.TLSV12);
        assertThat(r.jdkNames()).containsExactly("TLSv1.2", "TLSv1.3");
        assertThat(TlsVersionFilter.NONE.resolve(null).enabled()).hasSize(5);
    }

    @Test
    void boundsAndOptions() {
        TlsVersionFilter f = TlsVersionFilter.NONE.withBound("ssl-min-ver", "TLSv1.0").withBound("ssl-max-ver", "TLSv1.2");
        assertThat(f.resolve(TlsVersion.TLSV12).jdkNames()).containsExactly("TLSv1", "TLSv1.1", "TLSv1.2");
        assertThat(TlsVersionFilter.NONE.withOption("force-tlsv13").resolve(TlsVersion.TLSV12).jdkNames())
                .containsExactly("TLSv1.3");
        assertThat(TlsVersionFilter.NONE.withOption("no-tlsv13").resolve(TlsVersion.TLSV12).jdkNames())
                .containsExactly("TLSv1.2");
    }

    @Test
    void haproxysWarningsAndErrors() {
        TlsVersionFilter.Resolution ignored = TlsVersionFilter.NONE.withOption("no-sslv3")
                .withBound("ssl-min-ver", "TLSv1.2").resolve(TlsVersion.TLSV12);
        assertThat(ignored.optionsIgnored()).isTrue();
        TlsVersionFilter.Resolution hole = TlsVersionFilter.NONE.withBound("ssl-min-ver", "TLSv1.0")
                .resolve(null);
        assertThat(hole.hole()).isNull();
        TlsVersionFilter.Resolution withHole = TlsVersionFilter.NONE.withOption("no-tlsv11").resolve(TlsVersion.TLSV10);
        assertThat(withHole.hole()).isEqualTo(TlsVersion.TLSV11);
        assertThat(withHole.jdkNames()).containsExactly("TLSv1", "TLSv1.1", "TLSv1.2", "TLSv1.3");
        TlsVersionFilter.Resolution lowMax = TlsVersionFilter.NONE.withBound("ssl-max-ver", "TLSv1.1").resolve(TlsVersion.TLSV12);
        assertThat(lowMax.minFromMax()).isEqualTo(TlsVersion.TLSV11);
        assertThat(lowMax.jdkNames()).containsExactly("TLSv1.1");
        assertThat(TlsVersionFilter.NONE.withOption("no-tlsv12").withOption("no-tlsv13").resolve(TlsVersion.TLSV12).enabled())
                .isEmpty();
        assertThatThrownBy(() -> TlsVersionFilter.NONE.withBound("ssl-min-ver", "TLSv1.4"))
                .hasMessage("'TLSv1.4' : unknown ssl/tls version");
    }
}
