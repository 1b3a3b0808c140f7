package io.tollgate.engine.runtime;

import io.tollgate.engine.acl.Condition;
import io.tollgate.engine.acl.RequestView;
import io.tollgate.engine.rules.FormatString;

/**
 * A compiled {@code use_backend <backend> if|unless <condition>}: the frontend tries its rules in
 * order and sends the request to the first whose condition holds, else to its default backend.
 * A dynamic rule ({@code use_backend be_%[req.hdr(host)]}) names its backend per request; when
 * the name is not a backend's, the rule is skipped, as in HAProxy.
 */
public record SwitchingRule(Condition condition, Proxy backend, FormatString dynamicName, Proxies proxies) {

    public SwitchingRule(Condition condition, Proxy backend) {
        this(condition, backend, null, null);
    }

    /** The backend for {@code request}: the first matching rule's, else {@code fallback}. */
    public static Proxy select(java.util.List<SwitchingRule> rules, RequestView request, Proxy fallback) {
        for (int i = 0, n = rules.size(); i < n; i++) {
            SwitchingRule r = rules.get(i);
            if (r.condition().matches(request)) {
                if (r.dynamicName == null) {
                    return r.backend();
                }
                Proxy named = r.proxies.backend(r.dynamicName.render(request));
                if (named != null) {
                    return named;
                }
            }
        }
        return fallback;
    }
}
