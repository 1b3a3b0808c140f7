package io.tollgate.engine.rules;

import io.tollgate.engine.acl.AclException;
import io.tollgate.engine.acl.Acls;
import io.tollgate.engine.acl.Condition;
import io.tollgate.engine.acl.RequestView;

import java.util.List;
import java.util.Set;

/**
 * A compiled {@code tcp-request connection|session|content accept|reject} rule. The first rule
 * whose condition holds decides; when none does, the connection is accepted, as in HAProxy.
 */
public record TcpRule(String type, Condition condition, boolean accept) {
    private static final Set<String> ACTIONS = Set.of("accept", "reject", "silent-drop");

    /** True when Tollgate runs {@code action} in {@code tcp-request} rules. */
    public static boolean runs(String action) {
        return ACTIONS.contains(action);
    }

    /** Compiles {@code words}: the rule type, the action, then an optional condition. */
    public static TcpRule compile(List<String> words, Acls acls) throws RuleException {
        String type = words.get(0);
        String action = words.size() > 1 ? words.get(1) : "";
        if (!runs(action)) {
            throw new RuleException("action '" + action + "' is not supported yet by Tollgate.");
        }
        int cond = HttpRules.conditionStart(words, 2);
        if (cond != 2) {
            throw new RuleException("'" + action + "' expects no argument (got '" + words.get(2) + "').");
        }
        try {
            return new TcpRule(type, acls.condition(words.subList(cond, words.size())), action.equals("accept"));
        } catch (AclException e) {
            throw new RuleException(e.getMessage());
        }
    }

    /** False when a rule of {@code type} among {@code rules} rejects {@code view}. */
    public static boolean accepts(List<TcpRule> rules, String type, RequestView view) {
        for (int i = 0, n = rules.size(); i < n; i++) {
            TcpRule r = rules.get(i);
            if (r.type.equals(type) && r.condition.matches(view)) {
                return r.accept;
            }
        }
        return true;
    }
}
