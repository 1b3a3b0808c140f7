package io.tollgate.engine.runtime;

import io.tollgate.engine.acl.AclException;
import io.tollgate.engine.acl.Acls;
import io.tollgate.engine.acl.Condition;
import io.tollgate.engine.acl.SampleExpression;
import io.tollgate.engine.stick.StickTable;

import java.util.List;

/**
 * One compiled {@code stick} line of a backend: whether it looks servers up ({@code match},
 * {@code on}), learns them ({@code on}, {@code store-request}, {@code store-response}), the
 * pattern that makes the key, the table, and the condition.
 */
public record StickRule(boolean matches, boolean storesOnRequest, boolean storesOnResponse, SampleExpression pattern,
                        StickTable table, Condition condition) {

    /** {@code args}: the words after {@code stick}; {@code table}: the table they name, resolved. */
    static StickRule compile(List<String> args, StickTable table, Acls acls) throws AclException {
        String kind = args.get(0);
        int at = args.indexOf("if");
        if (at < 0) {
            at = args.indexOf("unless");
        }
        List<String> cond = at < 0 || at == args.size() - 1 ? List.of() : args.subList(at, args.size());
        return new StickRule(kind.equals("on") || kind.equals("match"),
                kind.equals("on") || kind.startsWith("store") && !kind.equals("store-response"),
                kind.equals("store-response"), SampleExpression.compile(args.get(1)), table, acls.condition(cond));
    }
}
