package io.tollgate.engine.config;

import io.tollgate.engine.acl.AclException;
import io.tollgate.engine.acl.Acls;
import io.tollgate.engine.rules.HttpRule;
import io.tollgate.engine.rules.HttpRules;
import io.tollgate.engine.rules.RuleException;
import io.tollgate.engine.rules.RuleSite;
import io.tollgate.engine.rules.TcpRule;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code http-request}, {@code http-response}, {@code http-after-response},
 * {@code tcp-request}, {@code tcp-response} and the old {@code block} rules. Actions the rule
 * engine ({@code io.tollgate.engine.rules}) runs are compiled here, so a mistake is a file:line
 * error, and kept in order. The others are classified: actions that only touch logs, captures,
 * counters or tuning are ignored with a warning; actions that decide whether a request is
 * allowed, where it goes or what it asks for are refused. {@code http-request use-service
 * prometheus-exporter} is kept for the console. Unknown actions are errors, and {@code lua.*}
 * actions and services say that Tollgate runs no Lua.
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
    /** Reply options whose argument is a file name. */
    private static final List<String> FILE_OPTIONS = List.of("file", "lf-file", "errorfile");

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
        table.add("http-response", Capabilities.notInAnonymousDefaults(RuleKeywords::httpResponse));
        table.add("http-after-response", Capabilities.notInAnonymousDefaults(
                (line, proxy, problems) -> action(line, 1, HTTP_AFTER_RESPONSE, problems)));
        table.add("tcp-request", Capabilities.notInAnonymousDefaults(
                (line, proxy, problems) -> tcp(line, proxy, List.of("connection", "session", "content"), problems)));
        table.add("tcp-response", Capabilities.notInAnonymousDefaults(
                (line, proxy, problems) -> tcp(line, null, List.of("content"), problems)));
        table.add("block", Capabilities.notInDefaults(RuleKeywords::block));
    }

    private static void httpRequest(Line line, ProxyState proxy, Problems problems) throws KeywordException {
        if (HttpRules.runs(actionName(line.arg(1)), false)) {
            proxy.httpRequestRules.add(compiled(line, proxy, false, problems));
            return;
        }
        if (line.arg(1).equals("use-service")) {
            String service = line.arg(2);
            if (service.startsWith("lua.")) {
                throw new KeywordException(Unsupported.luaMessage("http-request use-service " + service));
            }
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

    private static void httpResponse(Line line, ProxyState proxy, Problems problems) throws KeywordException {
        if (HttpRules.runs(actionName(line.arg(1)), true)) {
            proxy.httpResponseRules.add(compiled(line, proxy, true, problems));
            return;
        }
        action(line, 1, HTTP_RESPONSE, problems);
    }

    /**
     * {@code block <condition>}: removed in HAProxy 2.1; Tollgate still reads it as what it
     * always meant, {@code http-request deny <condition>}, and says so.
     */
    private static void block(Line line, ProxyState proxy, Problems problems) throws KeywordException {
        List<String> words = new ArrayList<>();
        words.add("deny");
        words.addAll(line.from(1));
        Line translated = new Line(line.source(), prepend("http-request", words));
        proxy.httpRequestRules.add(compiled(translated, proxy, false, problems));
        problems.warn(line.source(), "The 'block' directive is not supported anymore since HAProxy 2.1; Tollgate "
                + "reads it as 'http-request deny' with the same condition. Please write 'http-request deny' instead.");
    }

    /**
     * Compiles an {@code http-request}/{@code http-response} line against the ACLs declared so
     * far, so that every mistake is a file:line error now, and returns it with relative file
     * names resolved for the runtime's second compilation. A reply naming an {@code http-errors}
     * section is kept to be checked once every section is read.
     */
    private static Directive compiled(Line line, ProxyState proxy, boolean response, Problems problems)
            throws KeywordException {
        String rule = line.keyword() + " " + actionName(line.arg(1));
        List<String> words = line.from(1);
        RuleSite site = new RuleSite(proxy.name, proxy.typeWord() + " '" + proxy.name + "'",
                proxy.environment.replies(problems, line.source()), null);
        try {
            AclConditions.check(words.subList(HttpRules.conditionStart(words, 1), words.size()), proxy.acls, rule);
            HttpRule compiled = HttpRules.compile(words, Acls.compile(proxy.acls, Path.of("")), site, response);
            if (compiled.reply() != null && !compiled.reply().isResolved()) {
                proxy.pendingReplies.add(new ErrorPageKeywords.PendingReply(compiled.reply(), line.source()));
            }
        } catch (RuleException e) {
            throw new KeywordException(e.isComplete() ? e.getMessage() : prefix(proxy, rule) + e.getMessage());
        } catch (AclException e) {
            throw new KeywordException(prefix(proxy, rule) + e.getMessage());
        }
        return new Directive(line.keyword(), resolveFiles(words, proxy), line.source());
    }

    static String prefix(ProxyState proxy, String rule) {
        return "error detected in " + proxy.typeWord() + " '" + proxy.name + "' while parsing '" + rule + "' rule : ";
    }

    /** The files named after {@code file}, {@code lf-file} and {@code errorfile}, resolved by {@code default-path}. */
    private static List<String> resolveFiles(List<String> words, ProxyState proxy) {
        List<String> out = new ArrayList<>(words);
        for (int i = 0; i < out.size() - 1; i++) {
            if (FILE_OPTIONS.contains(out.get(i))) {
                out.set(i + 1, proxy.environment.paths.resolve(out.get(i + 1)).toAbsolutePath().toString());
                i++;
            }
        }
        return List.copyOf(out);
    }

    private static List<String> prepend(String first, List<String> rest) {
        List<String> out = new ArrayList<>(rest.size() + 1);
        out.add(first);
        out.addAll(rest);
        return out;
    }

    static String actionName(String word) {
        int paren = word.indexOf('(');
        return paren < 0 ? word : word.substring(0, paren);
    }

    /** {@code tcp-request inspect-delay <time>} or {@code tcp-request <type> <action> ...}. */
    private static void tcp(Line line, ProxyState proxy, List<String> types, Problems problems) throws KeywordException {
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
        if (proxy != null && TcpRule.runs(line.arg(2))) {
            String rule = line.keyword() + " " + type + " " + line.arg(2);
            List<String> words = line.from(1);
            try {
                AclConditions.check(words.subList(HttpRules.conditionStart(words, 1), words.size()), proxy.acls, rule);
                TcpRule.compile(words, Acls.compile(proxy.acls, Path.of("")));
            } catch (AclException | RuleException e) {
                throw new KeywordException(prefix(proxy, rule) + e.getMessage());
            }
            proxy.tcpRequestRules.add(new Directive(line.keyword(), List.copyOf(words), line.source()));
            return;
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
        if (action.startsWith("lua.")) {
            throw new KeywordException(Unsupported.luaMessage(rule + " " + action));
        }
        if (refused == null) {
            String best = WordFingerprint.bestMatch(word, actions.keySet(), List.of());
            throw new KeywordException("'" + rule + "' : " + (word.isEmpty() ? "missing action"
                    : "unknown action '" + word + "'")
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
