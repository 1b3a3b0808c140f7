package io.tollgate.engine.check;

import io.netty.buffer.ByteBuf;
import io.tollgate.engine.runtime.CheckStatus;
import io.tollgate.engine.runtime.Server;

import java.nio.charset.StandardCharsets;

/**
 * The agent check's exchange ({@code agent-check}): once connected, send {@code agent-send} (or
 * what {@code set server agent-send} set since) if any, then read one line, up to LF or CR.
 * Reading it is all a run does; what the words mean is applied afterwards ({@link AgentEffects}), so the run ends with a placeholder status when a
 * line (or half of one) arrived. A run that reads nothing at all fails as HAProxy's tcp-check
 * expect step does: {@code L7RSP}, "TCPCHK got an empty response at step 2".
 */
final class AgentProtocol implements CheckProtocol {
    static final String EMPTY_RESPONSE = "TCPCHK got an empty response at step 2";

    private final byte[] send;

    /** {@code send}: the {@code agent-send} string, or null. */
    AgentProtocol(String send) {
        this.send = send == null ? new byte[0] : send.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public Reading open(Server server) {
        String set = server.live().agentSend();
        return new Reading(set != null ? set.getBytes(StandardCharsets.UTF_8) : send);
    }

    /** One run's reading of the reply; read {@link #line()} and {@link #isIncomplete()} once it ended. */
    static final class Reading implements Conversation {
        private final byte[] send;
        private String line;
        private boolean incomplete;

        private Reading(byte[] send) {
            this.send = send;
        }

        /** The line without its end, or null when none arrived whole. */
        String line() {
            return line;
        }

        /** Bytes came but the agent closed (or filled the buffer) before the end of the line. */
        boolean isIncomplete() {
            return incomplete;
        }

        @Override
        public void connected(CheckChannel channel) {
            if (send.length > 0) {
                channel.send(channel.alloc().buffer(send.length).writeBytes(send));
            }
        }

        @Override
        public void received(CheckChannel channel, ByteBuf in) {
            if (!takeLine(channel, in) && in.readableBytes() >= CheckChannel.BUFFER_LIMIT) {
                incomplete = true;
                channel.finish(CheckStatus.CHECKED);
            }
        }

        @Override
        public void closed(CheckChannel channel, ByteBuf in) {
            if (takeLine(channel, in)) {
                return;
            }
            if (in.readableBytes() == 0) {
                channel.finish(CheckStatus.L7_RESPONSE, -1, EMPTY_RESPONSE);
            } else {
                incomplete = true;
                channel.finish(CheckStatus.CHECKED);
            }
        }

        /**
         * Takes the line if its end arrived. HAProxy scans a C string, so a NUL byte hides what
         * follows: the line then never ends.
         */
        private boolean takeLine(CheckChannel channel, ByteBuf in) {
            int from = in.readerIndex();
            int to = in.writerIndex();
            for (int i = from; i < to; i++) {
                byte b = in.getByte(i);
                if (b == 0) {
                    return false;
                }
                if (b == '\n' || b == '\r') {
                    line = in.toString(from, i - from, StandardCharsets.UTF_8);
                    in.skipBytes(to - from);
                    channel.finish(CheckStatus.CHECKED);
                    return true;
                }
            }
            return false;
        }
    }
}
