package io.tollgate.engine.rules;

import io.netty.util.NetUtil;
import io.tollgate.engine.acl.AclException;
import io.tollgate.engine.acl.SampleExpression;

import java.net.InetAddress;
import java.util.List;

/**
 * {@code set-src|set-dst <expr>} and {@code set-src-port|set-dst-port <expr>}: the expression's
 * value becomes the connection's source or destination address (an IPv4 or IPv6 literal) or
 * port (0 to 65535). A value that is neither leaves the connection as it was, as in HAProxy.
 */
final class SetAddress implements HttpAction {
    private final boolean source;
    private final boolean port;
    private final SampleExpression value;

    private SetAddress(boolean source, boolean port, SampleExpression value) {
        this.source = source;
        this.port = port;
        this.value = value;
    }

    /** {@code action}: set-src, set-dst, set-src-port or set-dst-port. */
    static SetAddress parse(String action, List<String> args) throws RuleException {
        if (args.isEmpty()) {
            throw new RuleException("expects exactly 1 argument <expr>.");
        }
        try {
            return new SetAddress(action.startsWith("set-src"), action.endsWith("-port"),
                    SampleExpression.compile(String.join(" ", args)));
        } catch (AclException e) {
            throw new RuleException(e.getMessage());
        }
    }

    @Override
    public Verdict apply(HttpTransaction tx) {
        String v = value.value(tx.view());
        if (v == null) {
            return Verdict.CONTINUE;
        }
        if (port) {
            int p = parsePort(v);
            if (p >= 0) {
                tx.rewriteAddress(source, null, p);
            }
        } else {
            InetAddress a = NetUtil.createInetAddressFromIpAddressString(v.strip());
            if (a != null) {
                tx.rewriteAddress(source, a, -1);
            }
        }
        return Verdict.CONTINUE;
    }

    private static int parsePort(String text) {
        try {
            int p = Integer.parseInt(text.strip());
            return p >= 0 && p <= 65535 ? p : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
