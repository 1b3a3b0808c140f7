package io.tollgate.engine.config;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code http-request}, {@code http-response}, {@code http-after-response},
 * {@code tcp-request} and {@code tcp-response} rules. Tollgate has no rule engine yet, so each
 * action is classified: actions that only touch headers, logs, captures or counters are ignored
 * with a warning; actions that decide whether a request is allowed, where it goes or what it
 * asks for ({@code deny}, {@code auth}, {@code redirect}, {@code set-uri}, {@code set-var}, ...)
 * are refused. The one rule kept is {@code http-request use-service prometheus-exporter}, which
 * the console serves. Unknown actions (including {@code lua.*}: Tollgate runs no Lua) are errors.
 */
final class RuleKeywords {
    private static final List<String> COUNTERS = List.of("track-sc0", "track-sc1", "track-sc2", "track-sc",
            "sc-inc-gpc", "sc-inc-gpc0", "sc-inc-gpc1", "sc-set-gpt", "sc-set-gpt0");
    private static final List<String> VARIABLES = List.of("set-var", "set-var-fmt", "unset-var");
    private static final List<String> HEADERS = List.of("add-header", "set-header", "del-header", "replace-header",
            "replace-value");
    private static final List<String> TUNING = List.of("set-log-level", "set-nice", "set-mark", "set-tos",
            "set-priority-class", "set-priority-offset", "capture", "ot-group", "send-spoe-group", "strict-mode");
    private static final List<String> MAPS = List.of("add-acl", "del-acl", "set-map", "del-map");

    /** Action word to "refused?" for one rule keyword. */
    private static final Map<String, Boolean> HTTP_REQUEST = actions(
            concat(HEADERS, TUNING, COUNTERS, MAPS, List.of("early-hint", "disable-l7-retry", "set-timeout",
                    "wait-for-body", "wait-for-handshake", "cache-use", "do-resolve")),
            concat(VARIABLES, List.of("allow", "deny", "auth", "tarpit", "reject", "silent-drop", "redirect", "return",
                    "set-dst", "set-dst-port", "set-src", "set-src-port", "set-method", "set-path", "set-pathq",
                    "set-query", "set-uri", "replace-path", "replace-pathq", "replace-uri", "normalize-uri")));
    private static final Map<String, Boolean> HTTP_RESPONSE = actions(
            concat(HEADERS, TUNING, COUNTERS, MAPS, List.of("cache-store", "wait-for-body")),
            concat(VARIABLES, List.of("allow", "deny", "redirect", "return", "set-status", "silent-drop", "do-resolve")));
    private static final Map<String, Boolean> HTTP_AFTER_RESPONSE = actions(
            concat(HEADERS, List.of("capture", "strict-mode", "set-log-level")),
            concat(VARIABLES, List.of("allow", "set-status")));
    private static final Map<String, Boolean> TCP = actions(
            concat(TUNING, COUNTERS, List.of("accept", "do-resolve")),
            concat(VARIABLES, List.of("reject", "expect-proxy", "expect-netscaler-cip", "silent-drop", "set-src",
                    "set-src-port", "set-dst", "set-dst-port", "switch-mode", "use-service", "close")));

    private RuleKeywords() {
    }

    static void register(KeywordTable<ProxyState> table) {
        table.add("http-request", Capabilities.notInAnonymousDefaults(RuleKeywords::httpRequest));
        table.add("http-response", Capabilities.notInAnonymousDefaults(
                (line, proxy, problems) -> action(line, 1, HTTP_RESPONSE, problems)));
        table.add("http-after-response", Capabilities.notInAnonymousDefaults(
                (line, proxy, problems) -> action(line, 1, HTTP_AFTER_RESPONSE, problems)));
        table.add("tcp-request", Capabilities.notInAnonymousDefaults(
                (line, proxy, problems) -> tcp(line, List.of("connection", "session", "content"), problems)));
        table.add("tcp-response", Capabilities.notInAnonymousDefaults(
                (line, proxy, problems) -> tcp(line, List.of("content"), problems)));
    }

    private static void httpRequest(Line line, ProxyState proxy, Problems problems) throws KeywordException {
        if (line.arg(1).equals("use-service")) {
            String service = line.arg(2);
            if (!service.equals("prometheus-exporter")) {
                throw new KeywordException("error detected in " + proxy.typeWord() + " '" + proxy.name
                        + "' while parsing 'http-request use-service' rule : '" + service + "' unknown service name.");
            }
            AclConditions.check(line.from(3), proxy.acls, "http-request use-service");
            proxy.httpRequestRules.add(line.toDirective());
            return;
        }
        action(line, 1, HTTP_REQUEST, problems);
    }

    /** {@code tcp-request inspect-delay <time>} or {@code tcp-request <type> <action> ...}. */
    private static void tcp(Line line, List<String> types, Problems problems) throws KeywordException {
        String type = line.arg(1);
        if (type.equals("inspect-delay")) {
            Units.time(line.arg(2), line.keyword() + " inspect-delay");
            problems.warn(line.source(), Unsupported.ignoredMessage(line.keyword() + " inspect-delay"));
            return;
        }
        if (!types.contains(type)) {
            throw new KeywordException("'" + line.keyword() + "' expects 'inspect-delay', '" + String.join("', '", types)
                    + "' (got '" + type + "').");
        }
        action(line, 2, TCP, problems);
    }

    private static void action(Line line, int at, Map<String, Boolean> actions, Problems problems)
            throws KeywordException {
        String rule = String.join(" ", line.words().subList(0, at));
        String word = line.arg(at);
        int paren = word.indexOf('(');
        String action = paren < 0 ? word : word.substring(0, paren);
        Boolean refused = actions.get(action);
        if (refused == null) {
            String best = WordFingerprint.bestMatch(word, actions.keySet(), List.of());
            throw new KeywordException("'" + rule + "' : " + (word.isEmpty() ? "missing action"
                    : "unknown action '" + word + "'" + (word.startsWith("lua.") ? " (Tollgate does not run Lua)" : ""))
                    + (best == null || word.isEmpty() ? "." : "; did you mean '" + best + "' maybe ?"));
        }
        String label = rule + " " + action;
        if (refused) {
            throw new KeywordException(Unsupported.refusedMessage(label));
        }
        problems.warn(line.source(), Unsupported.ignoredMessage(label));
    }

    private static Map<String, Boolean> actions(List<String> ignored, List<String> refused) {
        Map<String, Boolean> map = new HashMap<>();
        ignored.forEach(a -> map.put(a, false));
        refused.forEach(a -> map.put(a, true));
        return Map.copyOf(map);
    }

    private static List<String> concat(List<String> first, List<String> last) {
        return java.util.stream.Stream.concat(first.stream(), last.stream()).toList();
    }

    private static List<String> concat(List<String> a, List<String> b, List<String> last) {
        return concat(concat(a, b), last);
    }

    private static List<String> concat(List<String> a, List<String> b, List<String> c, List<String> d,
                                       List<String> last) {
        return concat(concat(a, b, c), concat(d, last));
    }
}
