package io.tollgate.engine.check;

import io.tollgate.engine.config.CheckDefinition;
import io.tollgate.engine.config.HttpCheckDefinition;
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
        if (definition instanceof TcpCheckDefinition tcp) {
            return new TcpCheck(tcp);
        }
        throw new IllegalArgumentException("no health check implements '" + definition.type() + "'");
    }
}
