package io.tollgate.engine.rules;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The {@code http-response} actions Tollgate runs, by name. */
final class HttpResponseActions {
    static final Map<String, ActionParser> TABLE = new HashMap<>();

    static {
        TABLE.put("allow", (a, args, site) -> HttpRequestActions.noArguments(args, Allow.INSTANCE));
        TABLE.put("deny", (a, args, site) -> new Deny(ReplyKind.DENY, ReplySpec.parse("http-response deny", args, 502,
                true, site.baseDir())));
        TABLE.put("return", (a, args, site) -> new Return(ReplySpec.parse("http-response return", args, 200, false,
                site.baseDir())));
        TABLE.put("silent-drop", (a, args, site) -> HttpRequestActions.noArguments(args, Reject.INSTANCE));
        TABLE.put("redirect", (a, args, site) -> Redirect.parse(args));
        TABLE.put("set-status", HttpResponseActions::setStatus);
        HttpRequestActions.headerActions(TABLE, true);
        HttpRequestActions.variableActions(TABLE);
    }

    private HttpResponseActions() {
    }

    private static HttpAction setStatus(String argument, List<String> args, RuleSite site) throws RuleException {
        int code = -1;
        try {
            code = args.isEmpty() ? -1 : Integer.parseInt(args.get(0));
        } catch (NumberFormatException e) {
            // reported below
        }
        if (code < 100 || code > 999) {
            throw new RuleException("expects an integer status code between 100 and 999.");
        }
        String reason = null;
        if (args.size() > 1) {
            if (!args.get(1).equals("reason") || args.size() != 3) {
                throw new RuleException("expects only 'reason <text>' after the status code.");
            }
            reason = args.get(2);
        }
        return new SetStatus(code, reason);
    }
}
