package io.tollgate.engine.config;

/**
 * The check options that speak a server's own protocol with fixed exchanges, each with only the
 * few settings its option line takes: {@code mysql-check}, {@code pgsql-check},
 * {@code redis-check}, {@code smtpchk} and {@code ssl-hello-chk}.
 */
public sealed interface ProtocolCheckDefinition extends CheckDefinition {

    /**
     * {@code option mysql-check [user <name> [post-41|pre-41]]}: {@code user} is null when only
     * the server's greeting is checked; {@code post41} picks the 4.1 client authentication packet.
     */
    record MySql(String user, boolean post41) implements ProtocolCheckDefinition {
        @Override
        public String type() {
            return "mysql-check";
        }
    }

    /** {@code option pgsql-check user <name>}: the user named in the startup message. */
    record PgSql(String user) implements ProtocolCheckDefinition {
        @Override
        public String type() {
            return "pgsql-check";
        }
    }

    /** {@code option redis-check}. */
    record Redis() implements ProtocolCheckDefinition {
        @Override
        public String type() {
            return "redis-check";
        }
    }

    /** {@code option smtpchk [EHLO|HELO <domain>]}: {@code hello} is the command line sent, {@code HELO localhost} by default. */
    record Smtp(String hello) implements ProtocolCheckDefinition {
        @Override
        public String type() {
            return "smtpchk";
        }
    }

    /** {@code option ssl-hello-chk}. */
    record SslHello() implements ProtocolCheckDefinition {
        @Override
        public String type() {
            return "ssl-hello-chk";
        }
    }
}
