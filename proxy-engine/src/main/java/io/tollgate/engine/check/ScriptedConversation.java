package io.tollgate.engine.check;

import io.netty.buffer.ByteBuf;

import java.util.List;

/**
 * Runs a fixed list of {@link ScriptStep rules} the way HAProxy 2.6 runs a protocol check:
 * sends go out at once, then consecutive expect rules are judged together on the reply received
 * since the last send, all again from the first of them whenever more bytes arrive; when every
 * rule passed, the last one gives the verdict. A connection closed with nothing received fails
 * with HAProxy's {@code TCPCHK got an empty response at step <n>}. A script ends with an expect.
 */
final class ScriptedConversation implements Conversation {
    private final List<ScriptStep> steps;
    private final int firstStepNumber;
    /** The rule waiting for the reply: the first expect after the last send. */
    private int head;

    /**
     * {@code firstStepNumber} is HAProxy's number for {@code steps.get(0)} in its messages: 2 when
     * HAProxy's own rule list starts with an explicit connect rule (mysql, pgsql, smtp), else 1.
     */
    ScriptedConversation(List<ScriptStep> steps, int firstStepNumber) {
        this.steps = steps;
        this.firstStepNumber = firstStepNumber;
    }

    /**
     * HAProxy's own rule lists that start with an explicit connect (mysql, pgsql, smtp) say
     * {@code connect default linger}: those checks close with a FIN, the others with a reset.
     */
    @Override
    public CheckEndpoint firstConnection(java.net.InetSocketAddress checkAddress) {
        return new CheckEndpoint(checkAddress, firstStepNumber == 2);
    }

    @Override
    public void connected(CheckChannel channel) {
        run(channel, null, false);
    }

    @Override
    public void received(CheckChannel channel, ByteBuf in) {
        run(channel, in, in.readableBytes() >= CheckChannel.BUFFER_LIMIT);
    }

    @Override
    public void closed(CheckChannel channel, ByteBuf in) {
        run(channel, in, true);
    }

    private void run(CheckChannel channel, ByteBuf in, boolean lastRead) {
        for (int i = head; i < steps.size(); i++) {
            if (channel.isFinished()) {
                return;
            }
            ScriptStep step = steps.get(i);
            if (step instanceof ScriptStep.Send send) {
                if (in != null) {
                    in.skipBytes(in.readableBytes());
                }
                byte[] bytes = send.bytes().get();
                channel.send(channel.alloc().buffer(bytes.length).writeBytes(bytes));
                head = i + 1;
                continue;
            }
            ScriptStep.Expect expect = (ScriptStep.Expect) step;
            if (i == head && (in == null || !in.isReadable())) {
                if (lastRead) {
                    channel.finish(expect.errorStatus(), 0,
                            "TCPCHK got an empty response at step " + (firstStepNumber + i));
                }
                return;
            }
            ScriptStep.Outcome outcome = expect.judge(in, lastRead);
            if (outcome == ScriptStep.Flow.WAIT) {
                return;
            }
            if (outcome instanceof ScriptStep.Verdict failed) {
                channel.finish(failed.status(), failed.code(), failed.info());
                return;
            }
        }
        if (!channel.isFinished()) {
            ScriptStep.Verdict passed = ((ScriptStep.Expect) steps.get(steps.size() - 1)).passed(in);
            channel.finish(passed.status(), passed.code(), passed.info());
        }
    }
}
