package io.tollgate.engine.check;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.tollgate.engine.config.HexBytes;
import io.tollgate.engine.config.TcpCheckDefinition;
import io.tollgate.engine.runtime.CheckStatus;
import io.tollgate.engine.runtime.Server;

import java.util.regex.Pattern;

/**
 * One {@code tcp-check expect} rule, compiled: how it judges what the connection received so
 * far, and HAProxy 2.6's texts about it. Expectations do not consume: each looks at everything
 * received since the last send or connect.
 */
final class TcpExpectation {
    /** Judge again when more arrives, go on, or stop the script. */
    enum Outcome { WAIT, PASS, FAIL }

    private final TcpCheckDefinition.Expect expect;
    /** The fixed pattern of {@code string} and {@code binary}, shared read-only by every run. */
    private final ByteBuf needle;
    private final Pattern regex;
    private final CheckStatus ok;
    private final CheckStatus error;
    private final CheckStatus timeout;

    TcpExpectation(TcpCheckDefinition.Expect expect) {
        this.expect = expect;
        byte[] fixed = switch (expect.kind()) {
            case "string" -> TcpCheck.bytes(expect.pattern());
            case "binary" -> HexBytes.decode(expect.pattern());
            default -> null;
        };
        this.needle = fixed == null ? null : Unpooled.unreleasableBuffer(Unpooled.wrappedBuffer(fixed));
        this.regex = expect.kind().startsWith("r") ? Pattern.compile(expect.pattern()) : null;
        this.ok = status(expect.okStatus(), CheckStatus.L7_OK);
        this.error = status(expect.errorStatus(), CheckStatus.L7_RESPONSE);
        this.timeout = status(expect.timeoutStatus(), CheckStatus.L7_TIMEOUT);
    }

    CheckStatus okStatus() {
        return ok;
    }

    CheckStatus errorStatus() {
        return error;
    }

    CheckStatus timeoutStatus() {
        return timeout;
    }

    /** {@code check_code}: the {@code status-code} value, else 0 as HAProxy leaves it. */
    int code() {
        return expect.statusCode() == null ? 0 : expect.statusCode();
    }

    /**
     * HAProxy's {@code tcpcheck_eval_expect}: while the connection is open ({@code lastRead}
     * false), wait for at least the pattern's length and {@code min-recv}; without
     * {@code min-recv}, a miss waits for more (even for a negated rule).
     */
    Outcome evaluate(ByteBuf in, boolean lastRead, Server server) {
        int received = in.readableBytes();
        if (!lastRead && (needle != null && received < needle.readableBytes()
                || expect.minRecv() > 0 && received < expect.minRecv())) {
            return Outcome.WAIT;
        }
        boolean match = matches(in, server);
        if (!match && !lastRead && expect.minRecv() == -1) {
            return Outcome.WAIT;
        }
        return match != expect.negated() ? Outcome.PASS : Outcome.FAIL;
    }

    private boolean matches(ByteBuf in, Server server) {
        return switch (expect.kind()) {
            case "string", "binary" -> contains(in, needle);
            case "rstring" -> regex.matcher(ByteChars.text(in)).find();
            case "rbinary" -> regex.matcher(ByteChars.hex(in)).find();
            default -> {
                String rendered = TcpCheck.render(expect.format(), server);
                byte[] wanted;
                try {
                    wanted = expect.kind().equals("binary-lf") ? HexBytes.decode(rendered) : TcpCheck.bytes(rendered);
                } catch (IllegalArgumentException e) {
                    yield false; // the rendered text is not hex: nothing can match it
                }
                yield contains(in, Unpooled.wrappedBuffer(wanted));
            }
        };
    }

    private static boolean contains(ByteBuf in, ByteBuf wanted) {
        return wanted.readableBytes() == 0 || ByteBufUtil.indexOf(wanted, in) >= 0;
    }

    /** {@code last_chk} of a rule that failed: its {@code on-error} text, else HAProxy's, then the comment. */
    String failureInfo(Server server) {
        StringBuilder b = new StringBuilder(64);
        if (expect.onError() != null) {
            b.append(TcpCheck.render(expect.onError(), server));
        } else {
            // a failed negated rule is one that matched
            b.append(expect.negated() ? "TCPCHK matched unwanted content" : "TCPCHK did not match content");
            switch (expect.kind()) {
                case "string" -> b.append(" '").append(TcpCheck.cString(expect.pattern())).append('\'');
                case "binary" -> b.append(" (binary)");
                case "rstring" -> b.append(" (regex)");
                case "rbinary" -> b.append(" (binary regex)");
                case "string-lf" -> b.append(" (log-format string)");
                default -> b.append(" (log-format binary)");
            }
            b.append(" at step ").append(expect.number());
        }
        if (expect.comment() != null) {
            b.append(" comment: ").append(expect.comment());
        }
        return b.toString();
    }

    /** {@code last_chk} when the server closed without sending anything for this rule to judge. */
    String emptyInfo() {
        return "TCPCHK got an empty response at step " + expect.number()
                + (expect.comment() == null ? "" : " comment: '" + expect.comment() + "'");
    }

    /** {@code last_chk} when the script ends on this rule: its {@code on-success} text, else "(tcp-check)". */
    String successInfo(Server server) {
        return expect.onSuccess() != null ? TcpCheck.render(expect.onSuccess(), server) : "(tcp-check)";
    }

    /** What a timeout message says the rule waited for: {@code  (expect string 'PONG')}. */
    String waitingFor() {
        return switch (expect.kind()) {
            case "string" -> " (expect string '" + TcpCheck.cString(expect.pattern()) + "')";
            case "binary" -> " (expect binary '" + TcpCheck.cString(TcpCheck.latin1(HexBytes.decode(expect.pattern())))
                    + "')";
            case "rstring" -> " (expect regex)";
            case "rbinary" -> " (expect binary regex)";
            case "string-lf" -> " (expect log-format string)";
            default -> " (expect log-format binary)";
        };
    }

    /** The status a validated code ({@code L7OKC}, ...) names; {@code fallback} when none was written. */
    private static CheckStatus status(String code, CheckStatus fallback) {
        return CheckStatus.byCode(code, fallback);
    }
}
