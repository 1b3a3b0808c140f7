package io.tollgate.engine.net;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;

import static org.assertj.core.api.Assertions.assertThat;

/** Wrong stats-page passwords from one address are answered later and later; a success forgets them. */
class AuthFailuresTest {
    @Test
    void afterAFewFreeTriesEachFailureWaitsLonger() throws Exception {
        AuthFailures failures = new AuthFailures();
        InetAddress a = InetAddress.getByName("192.0.2.1");
        InetAddress b = InetAddress.getByName("192.0.2.2");
        assertThat(failures.failed(a)).isZero();
        assertThat(failures.failed(a)).isZero();
        assertThat(failures.failed(a)).isZero();
        assertThat(failures.failed(a)).isEqualTo(250);
        assertThat(failures.failed(a)).isEqualTo(500);
        assertThat(failures.failed(a)).isEqualTo(1000);
        for (int i = 0; i < 20; i++) {
            failures.failed(a);
        }
        assertThat(failures.failed(a)).isEqualTo(AuthFailures.MAX_DELAY_MILLIS);
        assertThat(failures.failed(b)).as("another address").isZero();
        failures.succeeded(a);
        assertThat(failures.failed(a)).isZero();
    }
}
