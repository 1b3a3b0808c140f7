package io.tollgate.engine.config;

import java.util.List;

/**
 * {@code option tcp-check} with its {@code tcp-check} rules, as a check runs them: the steps in
 * order on one connection, a {@code connect} step opening the next one. The first step that is
 * not an {@link Action} is always a {@link Connect}: the one written, or the implicit one HAProxy
 * adds. {@code tcp-check comment} lines are already attached to the steps they describe, as
 * HAProxy does: to the rules that follow, up to the next rule of another kind (a connect or an
 * action takes it alone).
 */
public record TcpCheckDefinition(List<Step> steps) implements CheckDefinition {

    public TcpCheckDefinition {
        steps = List.copyOf(steps);
    }

    /** One rule of the script. */
    public sealed interface Step permits Connect, Send, Expect, Action {
        /**
         * HAProxy's step number in check messages: the rule's position among the section's
         * {@code tcp-check} lines, counted from 1, comment lines included; 0 for the implicit connect.
         */
        int number();

        /** The rule's comment (its own or the comment line's before it), or null. */
        String comment();

        Step withComment(String comment);
    }

    /**
     * {@code connect [port <p>] [addr <ip>[:<p>]] [linger]}. {@code port} 0: the port of
     * {@code addr} if it has one ({@code addressPort}), else the check's own; {@code address} null:
     * the check's address. {@code linger} closes with a FIN instead of a reset.
     */
    public record Connect(int number, String comment, int port, String address, int addressPort, boolean linger,
                          boolean implicit) implements Step {
        /** The connect HAProxy adds before scripts that do not start with one. */
        static Connect implicitConnect() {
            return new Connect(0, null, 0, null, 0, false, true);
        }

        @Override
        public Connect withComment(String c) {
            return new Connect(number, c, port, address, addressPort, linger, implicit);
        }
    }

    /**
     * {@code send}, {@code send-lf}, {@code send-binary}, {@code send-binary-lf}: {@code data}
     * renders to the bytes to send, or to their hex digits when {@code binary}.
     */
    public record Send(int number, String comment, CheckFormat data, boolean binary) implements Step {
        @Override
        public Send withComment(String c) {
            return new Send(number, c, data, binary);
        }
    }

    /**
     * {@code expect [min-recv <n>] [ok-status <st>] [error-status <st>] [tout-status <st>]
     * [on-success <fmt>] [on-error <fmt>] [status-code <expr>] [!] <kind> <pattern>}. {@code kind}
     * is {@code string}, {@code rstring}, {@code binary}, {@code rbinary}, {@code string-lf} or
     * {@code binary-lf}; {@code pattern} is as written, {@code format} its log-format for the
     * {@code -lf} kinds (else null). {@code minRecv} is -1 when not set; statuses are check status
     * codes ({@code L7OK}, ...) or null for the defaults; {@code onSuccess}, {@code onError} and
     * {@code statusCode} are null when not set.
     */
    public record Expect(int number, String comment, boolean negated, String kind, String pattern, CheckFormat format,
                         int minRecv, String okStatus, String errorStatus, String timeoutStatus, CheckFormat onSuccess,
                         CheckFormat onError, Integer statusCode) implements Step {
        @Override
        public Expect withComment(String c) {
            return new Expect(number, c, negated, kind, pattern, format, minRecv, okStatus, errorStatus, timeoutStatus,
                    onSuccess, onError, statusCode);
        }
    }

    /** {@code set-var}, {@code set-var-fmt}, {@code unset-var}: a step with no effect in Tollgate. */
    public record Action(int number, String comment, String text) implements Step {
        @Override
        public Action withComment(String c) {
            return new Action(number, c, text);
        }
    }

    @Override
    public String type() {
        return "tcp-check";
    }
}
