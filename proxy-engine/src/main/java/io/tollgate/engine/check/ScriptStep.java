package io.tollgate.engine.check;

import io.netty.buffer.ByteBuf;
import io.tollgate.engine.runtime.CheckStatus;

import java.util.function.Supplier;

/**
 * One rule of a {@link ScriptedConversation}: bytes to send, or what the reply must show.
 * HAProxy 2.6 runs its protocol checks ({@code mysql-check}, {@code redis-check}, ...) as fixed
 * lists of such rules; writing them the same way keeps their waiting, step numbers and
 * messages alike.
 */
sealed interface ScriptStep permits ScriptStep.Send, ScriptStep.Expect {

    /** Sends bytes; HAProxy drops whatever was received and not judged yet when it sends. */
    record Send(Supplier<byte[]> bytes) implements ScriptStep {
        static Send of(byte[] fixed) {
            byte[] copy = fixed.clone();
            return new Send(() -> copy);
        }
    }

    /** Judges the reply received since the last send. */
    non-sealed interface Expect extends ScriptStep {
        /**
         * Whether {@code in} (not consumed) satisfies the rule: {@link Flow#WAIT} for more
         * bytes, {@link Flow#NEXT} to go on, or the failed {@link Verdict} that ends the run.
         * {@code lastRead} says no more bytes will come (closed, or the buffer is full).
         */
        Outcome judge(ByteBuf in, boolean lastRead);

        /** The verdict when this rule, being the last, passed. */
        Verdict passed(ByteBuf in);

        /** The status of a connection closed before any reply reached this rule. */
        CheckStatus errorStatus();
    }

    /** What judging a rule gives: go on, wait, or a verdict. */
    sealed interface Outcome permits Flow, Verdict {
    }

    /** The outcomes that do not end the run. */
    enum Flow implements Outcome {
        /** Not enough bytes to judge yet: judge again when more arrive. */
        WAIT,
        /** The rule passed: evaluate the next one. */
        NEXT
    }

    /** The end of a run: a status with its {@code check_code} (0 when none) and info. */
    record Verdict(CheckStatus status, int code, String info) implements Outcome {
    }
}
