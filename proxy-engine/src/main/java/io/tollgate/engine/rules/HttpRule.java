package io.tollgate.engine.rules;

import io.tollgate.engine.acl.Condition;

import java.util.List;

/** A compiled rule: an action and the condition under which it runs. */
public record HttpRule(Condition condition, HttpAction action) {

    /** Runs {@code rules} in order until one stops them or decides a reply. */
    public static Verdict run(List<HttpRule> rules, HttpTransaction tx) {
        for (int i = 0, n = rules.size(); i < n; i++) {
            HttpRule r = rules.get(i);
            if (r.condition.matches(tx.view())) {
                Verdict v = r.action.apply(tx);
                if (v != Verdict.CONTINUE) {
                    return v;
                }
            }
        }
        return Verdict.CONTINUE;
    }
}
