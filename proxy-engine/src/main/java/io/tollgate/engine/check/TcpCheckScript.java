package io.tollgate.engine.check;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.tollgate.engine.config.TcpCheckDefinition.Connect;
import io.tollgate.engine.config.TcpCheckDefinition.Expect;
import io.tollgate.engine.config.TcpCheckDefinition.Send;
import io.tollgate.engine.config.TcpCheckDefinition.Step;
import io.tollgate.engine.runtime.CheckStatus;
import io.tollgate.engine.runtime.Server;

import java.net.InetSocketAddress;

/**
 * One run of a {@code tcp-check} script, as HAProxy 2.6 runs it: the steps in order, going on at
 * once after a send, stopping at an expect until what arrived decides (or the server closes, or
 * the timeout expires), and at a connect until the new connection is up. A send forgets what was
 * received before it. When every step passed, the last one decides the status: an expect its
 * {@code ok-status} ({@code L7OK}) with its {@code on-success} text or "(tcp-check)", a connect
 * {@code L4OK}, anything else {@code L7OK} "(tcp-check)". Failures say at which step they happened.
 */
final class TcpCheckScript implements Conversation {
    private final TcpCheck check;
    private final Server server;
    private final int count;
    /** The step running, or waited on: a connect until its connection is up, an expect until it is decided. */
    private int step;
    /** The server closed its side of the current connection: nothing more will arrive. */
    private boolean closed;

    TcpCheckScript(TcpCheck check, Server server) {
        this.check = check;
        this.server = server;
        this.count = check.steps().size();
        this.step = check.first();
    }

    @Override
    public CheckEndpoint firstConnection(InetSocketAddress checkAddress) {
        return check.endpoint(step, checkAddress);
    }

    @Override
    public void connected(CheckChannel channel) {
        closed = false;
        step++;
        run(channel, Unpooled.EMPTY_BUFFER);
    }

    @Override
    public void received(CheckChannel channel, ByteBuf in) {
        run(channel, in);
    }

    @Override
    public void closed(CheckChannel channel, ByteBuf in) {
        closed = true;
        run(channel, in);
    }

    @Override
    public void timedOut(CheckChannel channel, CheckStatus status) {
        TcpExpectation waiting = check.expectation(step);
        channel.finish(waiting != null ? waiting.timeoutStatus() : status, -1, where());
    }

    @Override
    public void failed(CheckChannel channel, ByteBuf in, CheckStatus status, String info) {
        if (status == CheckStatus.SOCKET_ERROR && in.isReadable() && check.expectation(step) != null) {
            // like HAProxy, a reset right after some data lets the expectations judge that data
            closed(channel, in);
            return;
        }
        channel.finish(status, -1, info + where());
    }

    private void run(CheckChannel channel, ByteBuf in) {
        while (!channel.isFinished()) {
            if (step == count) {
                succeed(channel);
                return;
            }
            Step current = check.steps().get(step);
            if (current instanceof Connect) {
                channel.reconnect(check.endpoint(step, channel.checkAddress()));
                return;
            }
            if (current instanceof Send) {
                // HAProxy empties its buffer to send: the expects after a send judge the reply only
                in.skipBytes(in.readableBytes());
                channel.send(Unpooled.wrappedBuffer(check.payload(step, server)));
            } else if (current instanceof Expect && !expect(channel, in)) {
                return;
            }
            step++;
        }
    }

    /** Judges the expect at {@link #step}: true to go on; false to wait, or when the run ended. */
    private boolean expect(CheckChannel channel, ByteBuf in) {
        TcpExpectation e = check.expectation(step);
        // a full buffer is as final as a close: nothing more fits in it
        boolean lastRead = closed || in.readableBytes() >= CheckChannel.BUFFER_LIMIT;
        if (!in.isReadable()) {
            if (lastRead) {
                channel.finish(e.errorStatus(), e.code(), e.emptyInfo());
            }
            return false;
        }
        switch (e.evaluate(in, lastRead, server)) {
            case WAIT -> {
                step = check.head(step);
                return false;
            }
            case FAIL -> {
                channel.finish(e.errorStatus(), e.code(), e.failureInfo(server));
                return false;
            }
            default -> {
                return true;
            }
        }
    }

    private void succeed(CheckChannel channel) {
        Step last = check.steps().get(count - 1);
        if (last instanceof Expect) {
            TcpExpectation e = check.expectation(count - 1);
            channel.finish(e.okStatus(), e.code(), e.successInfo(server));
        } else if (last instanceof Connect connect) {
            channel.finish(CheckStatus.L4_OK, -1, connect.implicit() ? "" : "(tcp-check)");
        } else {
            channel.finish(CheckStatus.L7_OK, 0, "(tcp-check)");
        }
    }

    /** Where a connection failure or timeout happened, in HAProxy's words ({@code chk_report_conn_err}). */
    private String where() {
        Step current = check.steps().get(Math.min(step, count - 1));
        if (current.number() == 0) {
            return " at initial connection step of tcp-check";
        }
        StringBuilder b = new StringBuilder(" at step ").append(current.number()).append(" of tcp-check");
        if (current instanceof Connect c) {
            b.append(c.port() > 0 ? " (connect port " + c.port() + ")" : " (connect)");
        } else if (current instanceof Expect) {
            b.append(check.expectation(step).waitingFor());
        } else if (current instanceof Send) {
            b.append(" (send)");
        }
        if (current.comment() != null) {
            b.append(" comment: '").append(current.comment()).append('\'');
        }
        return b.toString();
    }
}
