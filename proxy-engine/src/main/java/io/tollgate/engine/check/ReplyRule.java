package io.tollgate.engine.check;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.tollgate.engine.runtime.CheckStatus;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToIntFunction;
import java.util.regex.Pattern;

/**
 * A {@code tcp-check expect} rule as HAProxy's protocol checks use them: a match on the reply
 * (a literal anywhere in it, a regex on its text or on its upper-case hex dump), optionally
 * negated, with {@code min-recv}, the statuses to report, the info texts and the status code.
 * Without {@code min-recv} a mismatch waits for more bytes until the server closes, the buffer
 * fills or the check times out; with it the first {@code min-recv} bytes decide.
 */
record ReplyRule(Predicate<ByteBuf> match, int literalLength, boolean negated, int minRecv,
                 CheckStatus okStatus, CheckStatus errorStatus,
                 Function<ByteBuf, String> onError, Function<ByteBuf, String> onSuccess,
                 ToIntFunction<ByteBuf> statusCode) implements ScriptStep.Expect {

    private static final Function<ByteBuf, String> NO_TEXT = in -> "";

    /** {@code expect string}: the literal anywhere in the reply, waiting until that many bytes came. */
    static ReplyRule contains(String literal) {
        byte[] needle = literal.getBytes(StandardCharsets.ISO_8859_1);
        return of(in -> indexOf(in, needle) >= 0, needle.length);
    }

    /** {@code expect rstring}: the regex found in the reply read as Latin-1 text. */
    static ReplyRule regex(String regex) {
        Pattern p = Pattern.compile(regex);
        return of(in -> p.matcher(in.toString(StandardCharsets.ISO_8859_1)).find(), 0);
    }

    /** {@code expect rbinary}: the regex found in the reply's upper-case hex dump. */
    static ReplyRule hexRegex(String regex) {
        Pattern p = Pattern.compile(regex);
        return of(in -> p.matcher(ByteBufUtil.hexDump(in).toUpperCase(Locale.ROOT)).find(), 0);
    }

    private static ReplyRule of(Predicate<ByteBuf> match, int literalLength) {
        return new ReplyRule(match, literalLength, false, -1, CheckStatus.L7_OK, CheckStatus.L7_RESPONSE,
                NO_TEXT, NO_TEXT, in -> 0);
    }

    /** {@code !}: passes when the match fails. */
    ReplyRule not() {
        return new ReplyRule(match, literalLength, true, minRecv, okStatus, errorStatus, onError, onSuccess, statusCode);
    }

    ReplyRule minRecv(int bytes) {
        return new ReplyRule(match, literalLength, negated, bytes, okStatus, errorStatus, onError, onSuccess, statusCode);
    }

    ReplyRule statuses(CheckStatus ok, CheckStatus error) {
        return new ReplyRule(match, literalLength, negated, minRecv, ok, error, onError, onSuccess, statusCode);
    }

    ReplyRule onError(Function<ByteBuf, String> text) {
        return new ReplyRule(match, literalLength, negated, minRecv, okStatus, errorStatus, text, onSuccess, statusCode);
    }

    ReplyRule onSuccess(Function<ByteBuf, String> text) {
        return new ReplyRule(match, literalLength, negated, minRecv, okStatus, errorStatus, onError, text, statusCode);
    }

    ReplyRule statusCode(ToIntFunction<ByteBuf> code) {
        return new ReplyRule(match, literalLength, negated, minRecv, okStatus, errorStatus, onError, onSuccess, code);
    }

    @Override
    public ScriptStep.Outcome judge(ByteBuf in, boolean lastRead) {
        int received = in.readableBytes();
        if (!lastRead && (received < literalLength || minRecv > 0 && received < minRecv)) {
            return ScriptStep.Flow.WAIT;
        }
        boolean matched = match.test(in);
        if (!matched && !lastRead && minRecv < 0) {
            return ScriptStep.Flow.WAIT;
        }
        if (matched != negated) {
            return ScriptStep.Flow.NEXT;
        }
        return new ScriptStep.Verdict(errorStatus, statusCode.applyAsInt(in), onError.apply(in));
    }

    @Override
    public ScriptStep.Verdict passed(ByteBuf in) {
        return new ScriptStep.Verdict(okStatus, statusCode.applyAsInt(in), onSuccess.apply(in));
    }

    private static int indexOf(ByteBuf in, byte[] needle) {
        int start = in.readerIndex();
        int last = in.writerIndex() - needle.length;
        outer:
        for (int i = start; i <= last; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (in.getByte(i + j) != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
