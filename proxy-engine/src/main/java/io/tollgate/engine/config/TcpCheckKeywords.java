package io.tollgate.engine.config;

import io.tollgate.engine.acl.AclException;
import io.tollgate.engine.acl.SampleExpression;

import java.util.List;

/**
 * {@code option tcp-check} and the {@code tcp-check} keyword family ({@code connect},
 * {@code send}, {@code send-lf}, {@code send-binary}, {@code send-binary-lf}, {@code expect},
 * {@code comment}, {@code set-var}, {@code unset-var}) with HAProxy 2.6's messages. The rules are
 * kept in the section's {@link TcpCheckRules} and become a {@link TcpCheckDefinition} when the
 * section ends with {@code option tcp-check} in effect. What Tollgate cannot do on a check
 * connection (TLS, PROXY protocol, SOCKS4, port expressions) is refused: a check that silently
 * skipped them would judge a server on the wrong conversation. Variables are accepted and
 * ignored with a warning, since nothing a check does here reads them.
 */
final class TcpCheckKeywords {
    private static final String CONNECT = "'tcp-check connect'";
    /** {@code connect} options that need what Tollgate's check connections do not have. */
    private static final List<String> REFUSED_CONNECT_OPTIONS = List.of("send-proxy", "ssl", "via-socks4");
    private static final List<String> REFUSED_CONNECT_SETTINGS = List.of("sni", "alpn", "proto");

    private TcpCheckKeywords() {
    }

    static void register(KeywordTable<ProxyState> table) {
        table.add("tcp-check", Capabilities.backend(TcpCheckKeywords::tcpCheck));
    }

    /** {@code option tcp-check}: runs the section's rules (kept if it was already selected). */
    static void option(Line line, ProxyState proxy, Problems problems) throws KeywordException {
        Args.atMost(line, 1, "option tcp-check");
        if (!(proxy.healthCheck instanceof TcpCheckRules.Selected)) {
            proxy.healthCheck = new TcpCheckRules.Selected();
        }
    }

    /** HAProxy's warning for a section whose own rules no {@code option tcp-check} runs. */
    static void warnUnused(ProxyState proxy, Problems problems) {
        if (proxy.isBackend() && !proxy.isDefaults() && proxy.tcpCheck.unused(proxy.healthCheck)) {
            problems.warn(null, proxy.typeWord() + " '" + proxy.name
                    + "' uses tcp-check rules without 'option tcp-check', so the rules are ignored.");
        }
    }

    private static void tcpCheck(Line line, ProxyState proxy, Problems problems) throws KeywordException {
        String what = line.arg(1);
        TcpCheckRules rules = proxy.tcpCheck;
        switch (what) {
            case "comment" -> {
                rules.begin(proxy.healthCheck);
                rules.addComment(Args.required(line, 2, "tcp-check comment", "a string"));
            }
            case "connect" -> {
                int number = rules.begin(proxy.healthCheck);
                TcpCheckDefinition.Connect connect = connect(line, number);
                if (rules.startsWithoutConnect()) {
                    throw new KeywordException(CONNECT + " : first step MUST also be a 'connect', optionally preceded "
                            + "by a 'set-var', an 'unset-var' or a 'comment', when there is a 'connect' step in the "
                            + "tcp-check ruleset.");
                }
                rules.add(connect);
            }
            case "send", "send-lf", "send-binary", "send-binary-lf" -> rules.add(send(line, rules.begin(proxy.healthCheck)));
            case "expect" -> rules.add(TcpCheckExpectKeyword.parse(line, rules.begin(proxy.healthCheck)));
            default -> {
                if (!isAction(what)) {
                    throw new KeywordException("'tcp-check' only supports 'comment', 'connect', 'send', 'send-binary', "
                            + "'expect', 'set-var-fmt(*)', 'set-var(*)', 'unset-var(*)'. but got '" + what + "'");
                }
                int number = rules.begin(proxy.healthCheck);
                action(line);
                problems.warn(line.source(), Unsupported.ignoredMessage("tcp-check " + what));
                rules.add(new TcpCheckDefinition.Action(number, null, String.join(" ", line.from(1))));
            }
        }
    }

    private static boolean isAction(String what) {
        return what.startsWith("set-var") || what.startsWith("unset-var");
    }

    /** {@code connect [port <p>] [addr <ip>] [linger] [default] [comment <msg>]}. */
    private static TcpCheckDefinition.Connect connect(Line line, int number) throws KeywordException {
        int port = 0;
        HostPort address = null;
        boolean linger = false;
        String comment = null;
        List<String> args = line.from(2);
        for (int i = 0; i < args.size(); i++) {
            String word = args.get(i);
            String value = i + 1 < args.size() ? args.get(i + 1) : "";
            switch (word) {
                case "port" -> {
                    port = connectPort(value);
                    i++;
                }
                case "addr" -> {
                    address = connectAddress(value);
                    i++;
                }
                case "comment" -> {
                    comment = connectValue("comment", value, "a string");
                    i++;
                }
                case "linger" -> linger = true;
                // the server line's check settings Tollgate uses are the default already
                case "default" -> { }
                default -> {
                    if (REFUSED_CONNECT_OPTIONS.contains(word)) {
                        throw new KeywordException(Unsupported.refusedMessage("tcp-check connect " + word));
                    }
                    if (!REFUSED_CONNECT_SETTINGS.contains(word)) {
                        throw new KeywordException(CONNECT + " : expects 'comment', 'port', 'addr', 'send-proxy', "
                                + "'ssl', 'sni', 'alpn' or 'via-socks4', 'linger', 'default' but got '" + word
                                + "' as argument..");
                    }
                    connectSetting(word, value);
                }
            }
        }
        return new TcpCheckDefinition.Connect(number, comment, port, address == null ? null : address.host(),
                address == null ? 0 : address.port(), linger, false);
    }

    private static String connectValue(String option, String value, String expected) throws KeywordException {
        if (value.isEmpty()) {
            throw new KeywordException(CONNECT + " : '" + option + "' expects " + expected + " as argument..");
        }
        return value;
    }

    /** {@code sni}, {@code alpn}, {@code proto}: HAProxy's message when the value is missing, else refused. */
    private static void connectSetting(String word, String value) throws KeywordException {
        if (value.isEmpty()) {
            throw new KeywordException(switch (word) {
                case "sni" -> CONNECT + " : 'sni' expects a string as argument..";
                case "alpn" -> CONNECT + " : 'alpn' : missing the comma-delimited ALPN protocol suite.";
                default -> CONNECT + " : 'proto' expects a MUX protocol as argument..";
            });
        }
        throw new KeywordException(Unsupported.refusedMessage("tcp-check connect " + word));
    }

    private static int connectPort(String value) throws KeywordException {
        connectValue("port", value, "a port number or a sample expression");
        if (!value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new KeywordException(CONNECT + " : port expressions are not supported yet by Tollgate (got '"
                    + value + "'); use a port number.");
        }
        long port = value.length() > 6 ? Long.MAX_VALUE : Long.parseLong(value);
        if (port < 1 || port > 65535) {
            throw new KeywordException(CONNECT + " : expects a valid TCP port (from range 1 to 65535) or a sample "
                    + "expression, got " + value + "..");
        }
        return (int) port;
    }

    /** An IP address, with or without a port; host names are refused (nothing is resolved on a check's way). */
    private static HostPort connectAddress(String value) throws KeywordException {
        connectValue("addr", value, "<ipv4|ipv6>");
        HostPort hostPort;
        try {
            hostPort = AddressParser.parse(value, AddressParser.Use.SERVER).hostPorts().stream().findFirst()
                    .orElse(null);
        } catch (KeywordException e) {
            throw new KeywordException(CONNECT + " : 'addr' : " + e.getMessage() + ".");
        }
        if (hostPort == null || hostPort.host().isEmpty() || AddressParser.isHostName(hostPort.host())) {
            throw new KeywordException(CONNECT + " : 'addr' : Tollgate's checks only connect to an IP address "
                    + "(got '" + value + "').");
        }
        return hostPort;
    }

    /** {@code send[-binary][-lf] <data> [comment <msg>]}. */
    private static TcpCheckDefinition.Send send(Line line, int number) throws KeywordException {
        String kind = line.arg(1);
        String label = "'tcp-check " + kind + "'";
        boolean binary = kind.startsWith("send-binary");
        boolean format = kind.endsWith("-lf");
        String data = line.arg(2);
        if (data.isEmpty()) {
            throw new KeywordException(label + " : '" + (kind.equals("send-binary") ? "binary string" : "string")
                    + "' expects a " + kind + " as argument.");
        }
        String comment = null;
        List<String> rest = line.from(3);
        for (int i = 0; i < rest.size(); i++) {
            if (!rest.get(i).equals("comment")) {
                throw new KeywordException(label + " : expects 'comment' but got '" + rest.get(i) + "' as argument..");
            }
            if (i + 1 >= rest.size() || rest.get(i + 1).isEmpty()) {
                throw new KeywordException(label + " : 'comment' expects a string as argument..");
            }
            comment = rest.get(++i);
        }
        if (binary && !format) {
            HexBytes.check(label, data, true);
        }
        CheckFormat payload = format ? CheckFormat.parse(label, data) : CheckFormat.literal(data);
        return new TcpCheckDefinition.Send(number, comment, payload, binary);
    }

    /** {@code set-var(<name>) <expr>}, {@code set-var-fmt(<name>) <fmt>}, {@code unset-var(<name>)}: checked, not run. */
    private static void action(Line line) throws KeywordException {
        String what = line.arg(1);
        String label = "'tcp-check " + what + "' : ";
        int open = what.indexOf('(');
        String verb = open < 0 ? what : what.substring(0, open);
        String action = verb.startsWith("unset") ? "unset-var" : "set-var";
        if (open < 0 || !what.endsWith(")") || !List.of("set-var", "set-var-fmt", "unset-var").contains(verb)) {
            throw new KeywordException(label + "'" + action + "' : invalid or incomplete action '" + what + "'. Expects "
                    + "'set-var(<var-name>)', 'set-var-fmt(<var-name>)' or 'unset-var(<var-name>)'.");
        }
        try {
            SampleExpression.checkVariableName(what.substring(open + 1, what.length() - 1));
        } catch (AclException e) {
            throw new KeywordException(label + "'" + action + "' : " + e.getMessage() + ".");
        }
        if (!verb.equals("unset-var") && line.arg(2).isEmpty()) {
            throw new KeywordException(label + "'" + action + "' : missing fetch method.");
        }
    }
}
