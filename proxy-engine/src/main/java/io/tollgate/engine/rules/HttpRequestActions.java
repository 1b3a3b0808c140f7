package io.tollgate.engine.rules;

import io.tollgate.engine.acl.AclException;
import io.tollgate.engine.acl.SampleExpression;
import io.tollgate.engine.http.ReplyAction;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The {@code http-request} actions Tollgate runs, by name. */
final class HttpRequestActions {
    static final Map<String, ActionParser> TABLE = new HashMap<>();

    static {
        TABLE.put("allow", (a, args, site) -> noArguments(args, Allow.INSTANCE));
        TABLE.put("deny", (a, args, site) -> SendReply.parse(ReplyKind.DENY, ReplyAction.HTTP_REQUEST_DENY, args,
                site));
        TABLE.put("tarpit", (a, args, site) -> SendReply.parse(ReplyKind.TARPIT, ReplyAction.HTTP_REQUEST_TARPIT, args,
                site));
        TABLE.put("return", (a, args, site) -> SendReply.parse(ReplyKind.INTERCEPT, ReplyAction.HTTP_REQUEST_RETURN,
                args, site));
        TABLE.put("reject", (a, args, site) -> noArguments(args, Reject.INSTANCE));
        TABLE.put("silent-drop", (a, args, site) -> noArguments(args, Reject.INSTANCE));
        TABLE.put("auth", HttpRequestActions::auth);
        TABLE.put("redirect", (a, args, site) -> Redirect.parse(args));
        headerActions(TABLE, false);
        TABLE.put("set-path", (a, args, site) -> setLine(RequestLinePart.PATH, args));
        TABLE.put("set-pathq", (a, args, site) -> setLine(RequestLinePart.PATHQ, args));
        TABLE.put("set-query", (a, args, site) -> setLine(RequestLinePart.QUERY, args));
        TABLE.put("set-uri", (a, args, site) -> setLine(RequestLinePart.URI, args));
        TABLE.put("set-method", (a, args, site) -> setLine(null, args));
        TABLE.put("replace-path", (a, args, site) -> replaceLine(RequestLinePart.PATH, args));
        TABLE.put("replace-pathq", (a, args, site) -> replaceLine(RequestLinePart.PATHQ, args));
        TABLE.put("replace-uri", (a, args, site) -> replaceLine(RequestLinePart.URI, args));
        variableActions(TABLE);
        for (String n : new String[] {"track-sc0", "track-sc1", "track-sc2"}) {
            TABLE.put(n, (a, args, site) -> TrackCounter.parse(n, args));
        }
        for (String n : new String[] {"set-src", "set-dst", "set-src-port", "set-dst-port"}) {
            TABLE.put(n, (a, args, site) -> SetAddress.parse(n, args));
        }
    }

    private HttpRequestActions() {
    }

    /** The header and variable actions both rule lists share. */
    static void headerActions(Map<String, ActionParser> table, boolean response) {
        table.put("set-header", (a, args, site) -> setHeader(args, false, response));
        table.put("add-header", (a, args, site) -> setHeader(args, true, response));
        table.put("del-header", (a, args, site) -> DelHeader.parse(args, response));
        table.put("replace-header", (a, args, site) -> replaceHeader(args, false, response));
        table.put("replace-value", (a, args, site) -> replaceHeader(args, true, response));
    }

    static void variableActions(Map<String, ActionParser> table) {
        table.put("set-var", (a, args, site) -> {
            String name = variable(a);
            if (args.isEmpty()) {
                throw new RuleException("missing fetch method.");
            }
            try {
                return new SetVariable(name, SampleExpression.compile(String.join(" ", args)), null);
            } catch (AclException e) {
                throw new RuleException(e.getMessage());
            }
        });
        table.put("set-var-fmt", (a, args, site) -> {
            String name = variable(a);
            if (args.size() != 1) {
                throw new RuleException("expects exactly 1 argument <format>.");
            }
            return new SetVariable(name, null, FormatString.compile(args.get(0)));
        });
        table.put("unset-var", (a, args, site) -> noArguments(args, new SetVariable(variable(a), null, null)));
    }

    private static String variable(String argument) throws RuleException {
        if (argument == null || argument.isEmpty()) {
            throw new RuleException("expects a variable name between parentheses, e.g. 'set-var(txn.name)'.");
        }
        try {
            SampleExpression.checkVariableName(argument);
        } catch (AclException e) {
            throw new RuleException(e.getMessage() + ".");
        }
        return argument;
    }

    private static HttpAction auth(String argument, List<String> args, RuleSite site) throws RuleException {
        if (args.isEmpty()) {
            return new Auth(site.proxyName());
        }
        if (!args.get(0).equals("realm")) {
            throw new RuleException("expects 'realm' for 'auth' (got '" + args.get(0) + "').");
        }
        if (args.size() < 2) {
            throw new RuleException("missing realm value.");
        }
        if (args.size() > 2) {
            throw new RuleException("unexpected argument '" + args.get(2) + "' after the realm.");
        }
        return new Auth(args.get(1));
    }

    private static HttpAction setHeader(List<String> args, boolean add, boolean response) throws RuleException {
        if (args.size() != 2) {
            throw new RuleException("expects exactly 2 arguments.");
        }
        return new SetHeader(args.get(0), FormatString.compile(args.get(1)), add, response);
    }

    private static HttpAction replaceHeader(List<String> args, boolean perValue, boolean response) throws RuleException {
        if (args.size() != 3) {
            throw new RuleException("expects exactly 3 arguments.");
        }
        return new ReplaceHeader(args.get(0), RegexReplacement.compile(args.get(1)), FormatString.compile(args.get(2)),
                perValue, response);
    }

    private static HttpAction setLine(RequestLinePart part, List<String> args) throws RuleException {
        if (args.size() != 1) {
            throw new RuleException("expects exactly 1 argument <format>.");
        }
        return new SetRequestLine(part, FormatString.compile(args.get(0)));
    }

    private static HttpAction replaceLine(RequestLinePart part, List<String> args) throws RuleException {
        if (args.size() != 2) {
            throw new RuleException("expects exactly 2 arguments <match-regex> and <replace-format>.");
        }
        return new ReplaceRequestLine(part, RegexReplacement.compile(args.get(0)), FormatString.compile(args.get(1)));
    }

    static HttpAction noArguments(List<String> args, HttpAction action) throws RuleException {
        if (!args.isEmpty()) {
            throw new RuleException("expects no argument (got '" + args.get(0) + "').");
        }
        return action;
    }
}
