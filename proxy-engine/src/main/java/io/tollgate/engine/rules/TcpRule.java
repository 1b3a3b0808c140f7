package io.tollgate.engine.rules;

import io.tollgate.engine.acl.AclException;
import io.tollgate.engine.acl.Acls;
import io.tollgate.engine.acl.Condition;
import io.tollgate.engine.acl.RequestView;

import java.util.List;
import java.util.Set;

/**
 * A compiled {@code tcp-request connection|session|content} rule: {@code accept},
 * {@code reject} (or {@code silent-drop}), or {@code track-sc0|1|2 <key> [table <t>]}. The first
 * accept or reject whose condition holds decides; tracking rules run and evaluation goes on;
 * when nothing decides, the connection is accepted, as in HAProxy.
 */
public final class TcpRule {
    private static final Set<String> ACTIONS = Set.of("accept", "reject", "silent-drop", "track-sc0", "track-sc1",
            "track-sc2");

    private final String type;
    private final Condition condition;
    private final boolean accept;
    private final TrackCounter track;

    private TcpRule(String type, Condition condition, boolean accept, TrackCounter track) {
        this.type = type;
        this.condition = condition;
        this.accept = accept;
        this.track = track;
    }

    /** True when Tollgate runs {@code action} in {@code tcp-request} rules. */
    public static boolean runs(String action) {
        return ACTIONS.contains(action);
    }

    /** Compiles {@code words}: the rule type, the action and its arguments, then an optional condition. */
    public static TcpRule compile(List<String> words, Acls acls) throws RuleException {
        String type = words.get(0);
        String action = words.size() > 1 ? words.get(1) : "";
        if (!runs(action)) {
            throw new RuleException("action '" + action + "' is not supported yet by Tollgate.");
        }
        int cond = HttpRules.conditionStart(words, 2);
        TrackCounter track = null;
        if (action.startsWith("track-sc")) {
            track = TrackCounter.parse(action, words.subList(2, cond));
        } else if (cond != 2) {
            throw new RuleException("'" + action + "' expects no argument (got '" + words.get(2) + "').");
        }
        try {
            return new TcpRule(type, acls.condition(words.subList(cond, words.size())), action.equals("accept"), track);
        } catch (AclException e) {
            throw new RuleException(e.getMessage());
        }
    }

    public String type() {
        return type;
    }

    /** Runs the rules of {@code type}; false when one rejects {@code view}. */
    public static boolean accepts(List<TcpRule> rules, String type, RequestView view, Tracker tracker) {
        for (int i = 0, n = rules.size(); i < n; i++) {
            TcpRule r = rules.get(i);
            if (!r.type.equals(type) || !r.condition.matches(view)) {
                continue;
            }
            if (r.track == null) {
                return r.accept;
            }
            String key = r.track.key.value(view);
            if (key != null && tracker != null) {
                tracker.track(r.track.counter, r.track.table, key);
            }
        }
        return true;
    }
}
