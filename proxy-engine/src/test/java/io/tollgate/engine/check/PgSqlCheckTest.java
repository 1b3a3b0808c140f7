package io.tollgate.engine.check;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code option pgsql-check} against Debian's PostgreSQL and a wrong peer, with the statuses
 * and texts HAProxy 2.6.12 showed for the same servers: a user let in and a user asked for a
 * SCRAM password both pass, a user without a {@code pg_hba.conf} entry gets the severity of the
 * ErrorResponse, an SMTP server speaking first is an unknown error.
 */
class PgSqlCheckTest {

    @Test
    void postgresAndWrongPeer() throws Exception {
        try (PostgresServer pg = new PostgresServer();
             SmtpResponder smtp = new SmtpResponder(SmtpResponder.READY, SmtpResponder.HELLO_OK, false);
             CheckedEngine e = CheckedEngine.start(CheckResults.defaults("1s")
                     + CheckResults.backend("trusted", "pgsql-check user " + PostgresServer.TRUSTED, pg.port())
                     + CheckResults.backend("password", "pgsql-check user " + PostgresServer.PASSWORD_USER, pg.port())
                     + CheckResults.backend("refused", "pgsql-check user nobody", pg.port())
                     + CheckResults.backend("smtp", "pgsql-check user haproxy", smtp.port()))) {
            assertThat(CheckResults.first(e, "trusted", "s")).isEqualTo("L7OK/0 PostgreSQL server is ok");
            assertThat(CheckResults.first(e, "password", "s")).isEqualTo("L7OK/0 PostgreSQL server is ok");
            assertThat(CheckResults.first(e, "refused", "s")).isEqualTo("L7RSP FATAL");
            assertThat(CheckResults.first(e, "smtp", "s")).isEqualTo("L7STS/0 PostgreSQL unknown error");
            assertThat(e.messages()).anyMatch(m -> m.startsWith(
                    "Server refused/s is DOWN, reason: Layer7 invalid response, info: \"FATAL\", check duration: "));
        }
    }
}
