package io.tollgate.engine.check;

import io.tollgate.engine.config.CheckDefinition;
import io.tollgate.engine.config.HttpCheckDefinition;
import io.tollgate.engine.config.ProtocolCheckDefinition;
import io.tollgate.engine.config.TcpCheckDefinition;

/** The protocol for a backend's check definition: one class per check type. */
final class CheckProtocols {
    private CheckProtocols() {
    }

    static CheckProtocol of(CheckDefinition definition) {
        if (definition == null) {
            return TcpConnectCheck.INSTANCE;
        }
        if (definition instanceof HttpCheckDefinition http) {
            return new HttpCheck(http);
        }
        if (definition instanceof ProtocolCheckDefinition.MySql mysql) {
            return new MySqlCheck(mysql);
        }
        if (definition instanceof ProtocolCheckDefinition.PgSql pgsql) {
            return new PgSqlCheck(pgsql);
        }
        if (definition instanceof ProtocolCheckDefinition.Redis) {
            return RedisCheck.INSTANCE;
        }
        if (definition instanceof ProtocolCheckDefinition.Smtp smtp) {
            return new SmtpCheck(smtp);
        }
        if (definition instanceof ProtocolCheckDefinition.SslHello) {
            return SslHelloCheck.INSTANCE;
        }
        if (definition instanceof TcpCheckDefinition tcp) {
            return new TcpCheck(tcp);
        }
        throw new IllegalArgumentException("no health check implements '" + definition.type() + "'");
    }
}
