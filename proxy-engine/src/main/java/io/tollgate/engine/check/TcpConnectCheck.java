package io.tollgate.engine.check;

import io.netty.buffer.ByteBuf;
import io.tollgate.engine.runtime.CheckStatus;
import io.tollgate.engine.runtime.Server;

/** The default check: the TCP connection opens ({@code L4OK}) or not ({@code L4CON}, {@code L4TOUT}). */
final class TcpConnectCheck implements CheckProtocol {
    static final TcpConnectCheck INSTANCE = new TcpConnectCheck();

    private static final Conversation CONNECT_ONLY = new Conversation() {
        @Override
        public void connected(CheckChannel channel) {
            channel.finish(CheckStatus.L4_OK);
        }

        @Override
        public void received(CheckChannel channel, ByteBuf in) {
        }

        @Override
        public void closed(CheckChannel channel, ByteBuf in) {
        }
    };

    private TcpConnectCheck() {
    }

    @Override
    public Conversation open(Server server) {
        return CONNECT_ONLY;
    }
}
