package io.tollgate.engine.config;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Accepted features the engine does not apply yet are never silent: each gets a warning. */
class NotAppliedYetTest {

    @Test
    void persistenceOtherAlgorithmsAndChecksAreAnnounced() {
        assertThat(TestConfigs.warnings("""
                defaults
                    mode http
                    timeout connect 1s
                    timeout client 1s
                    timeout server 1s
                frontend fe
                    bind 127.0.0.1:8080
                    acl api path_beg /api
                    use_backend be2 if api
                    default_backend be
                backend be
                    balance rdp-cookie
                    cookie SRV insert
                    server s1 127.0.0.1:81 check
                    server s2 127.0.0.1:82
                backend be2
                    server s1 127.0.0.1:83
                """)).containsExactly(
                "[WARNING] parsing [t.cfg:11] : 'balance rdp-cookie' in backend 'be' is not supported yet by Tollgate:"
                        + " 'roundrobin' is used instead.");
    }

    @Test
    void whatTheEngineDoesGetsNoWarning() {
        assertThat(TestConfigs.warnings("""
                defaults
                    mode http
                    timeout connect 1s
                    timeout client 1s
                    timeout server 1s
                listen app
                    bind 127.0.0.1:8080
                    balance roundrobin
                    server s1 127.0.0.1:81 weight 3 maxconn 10
                """)).isEmpty();
    }
}
