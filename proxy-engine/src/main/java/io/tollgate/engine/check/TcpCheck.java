package io.tollgate.engine.check;

import io.tollgate.engine.config.CheckFormat;
import io.tollgate.engine.config.HexBytes;
import io.tollgate.engine.config.TcpCheckDefinition;
import io.tollgate.engine.config.TcpCheckDefinition.Connect;
import io.tollgate.engine.config.TcpCheckDefinition.Expect;
import io.tollgate.engine.config.TcpCheckDefinition.Send;
import io.tollgate.engine.config.TcpCheckDefinition.Step;
import io.tollgate.engine.runtime.Server;

import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * {@code option tcp-check}: the {@code tcp-check} script compiled once per backend (fixed
 * payloads as bytes, patterns and regular expressions), run by a {@link TcpCheckScript} per
 * check. What is the same for every run lives here; what a run reached lives in its script.
 */
final class TcpCheck implements CheckProtocol {
    private final List<Step> steps;
    /** Per step: the payload of a send that does not depend on the server, else null. */
    private final byte[][] payloads;
    /** Per step: the compiled rule of an expect, else null. */
    private final TcpExpectation[] expectations;
    /** Per step: the address of a connect's {@code addr}, else null. */
    private final InetAddress[] addresses;
    /**
     * Per expect: where judging starts again when more arrives, HAProxy's {@code expect.head}: the
     * first negated rule of the run of expects it belongs to (a negated rule that passed on part
     * of a reply may fail on all of it), else the rule itself.
     */
    private final int[] heads;
    /** The first connect: the run's first connection; steps before it only set variables. */
    private final int first;

    TcpCheck(TcpCheckDefinition definition) {
        this.steps = definition.steps();
        int n = steps.size();
        payloads = new byte[n][];
        expectations = new TcpExpectation[n];
        addresses = new InetAddress[n];
        heads = new int[n];
        int firstConnect = -1;
        int head = -1;
        for (int i = 0; i < n; i++) {
            Step step = steps.get(i);
            if (step instanceof Send send && send.data().isLiteral()) {
                payloads[i] = payload(send, null);
            } else if (step instanceof Expect expect) {
                expectations[i] = new TcpExpectation(expect);
                if (head < 0 && expect.negated()) {
                    head = i;
                }
                heads[i] = head >= 0 ? head : i;
            } else if (step instanceof Connect connect) {
                addresses[i] = literal(connect.address());
                firstConnect = firstConnect < 0 ? i : firstConnect;
            }
            if (step instanceof Send || step instanceof Connect) {
                head = -1; // set-var rules do not end a run of expects
            }
        }
        this.first = firstConnect;
    }

    @Override
    public Conversation open(Server server) {
        return new TcpCheckScript(this, server);
    }

    List<Step> steps() {
        return steps;
    }

    int first() {
        return first;
    }

    int head(int expect) {
        return heads[expect];
    }

    TcpExpectation expectation(int step) {
        return expectations[step];
    }

    /** The bytes step {@code i} (a send) puts on the wire for {@code server}. */
    byte[] payload(int i, Server server) {
        return payloads[i] != null ? payloads[i] : payload((Send) steps.get(i), server);
    }

    private static byte[] payload(Send send, Server server) {
        String text = render(send.data(), server);
        return send.binary() ? HexBytes.decode(text) : bytes(text);
    }

    /** Where a connect step goes: its {@code port}, else the port in its {@code addr}, else the check's own. */
    CheckEndpoint endpoint(int i, InetSocketAddress checkAddress) {
        Connect c = (Connect) steps.get(i);
        InetAddress host = addresses[i] != null ? addresses[i] : checkAddress.getAddress();
        int port = c.port() > 0 ? c.port() : c.addressPort() > 0 ? c.addressPort() : checkAddress.getPort();
        return new CheckEndpoint(new InetSocketAddress(host, port), c.linger());
    }

    static String render(CheckFormat format, Server server) {
        if (server == null) {
            return format.render("", 0, "", 0);
        }
        return format.render(server.name(), server.id(), server.backend().name(), server.backend().id());
    }

    /**
     * The bytes of configuration text. The tokenizer turns a {@code \xHH} escape into the
     * character of that value, so characters up to 0xFF stand for one byte each; others (text
     * written in UTF-8 beyond Latin-1) are sent as UTF-8.
     */
    static byte[] bytes(String text) {
        if (text.chars().allMatch(c -> c <= 0xFF)) {
            return text.getBytes(StandardCharsets.ISO_8859_1);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length() + 8);
        text.codePoints().forEach(c -> {
            if (c <= 0xFF) {
                out.write(c);
            } else {
                out.writeBytes(new String(Character.toChars(c)).getBytes(StandardCharsets.UTF_8));
            }
        });
        return out.toByteArray();
    }

    static String latin1(byte[] bytes) {
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    /** What C's {@code %s} prints of {@code text}: up to its first NUL, as HAProxy's messages do. */
    static String cString(String text) {
        int nul = text.indexOf('\0');
        return nul < 0 ? text : text.substring(0, nul);
    }

    private static InetAddress literal(String ip) {
        if (ip == null) {
            return null;
        }
        try {
            return InetAddress.getByName(ip); // an IP literal (the parser refuses names): nothing is resolved
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("'tcp-check connect' : invalid address '" + ip + "'", e);
        }
    }
}
