package io.tollgate.engine.runtime;

import io.tollgate.engine.acl.Condition;
import io.tollgate.engine.acl.RequestView;

/**
 * A compiled {@code use_backend <backend> if|unless <condition>}: the frontend tries its rules in
 * order and sends the request to the first whose condition holds, else to its default backend.
 */
public record SwitchingRule(Condition condition, Proxy backend) {

    /** The backend for {@code request}: the first matching rule's, else {@code fallback}. */
    public static Proxy select(java.util.List<SwitchingRule> rules, RequestView request, Proxy fallback) {
        for (int i = 0, n = rules.size(); i < n; i++) {
            SwitchingRule r = rules.get(i);
            if (r.condition().matches(request)) {
                return r.backend();
            }
        }
        return fallback;
    }
}
