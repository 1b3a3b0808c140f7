package io.tollgate.engine.rules;

import io.tollgate.engine.acl.AclException;
import io.tollgate.engine.acl.SampleExpression;

import java.util.List;

/**
 * {@code track-sc0|1|2 <key> [table <table>]}: the entry for the key's value starts being
 * tracked by this request's stick counter, unless that counter already tracks one.
 */
final class TrackCounter implements HttpAction {
    final int counter;
    final SampleExpression key;
    final String table;

    private TrackCounter(int counter, SampleExpression key, String table) {
        this.counter = counter;
        this.key = key;
        this.table = table;
    }

    /** {@code action} is {@code track-sc0} (or 1, 2); {@code args} the key and options. */
    static TrackCounter parse(String action, List<String> args) throws RuleException {
        int counter = action.length() == "track-sc0".length() ? action.charAt(8) - '0' : -1;
        if (counter < 0 || counter > 2) {
            throw new RuleException("'" + action + "' : only track-sc0, track-sc1 and track-sc2 are supported.");
        }
        if (args.isEmpty()) {
            throw new RuleException("'" + action + "' expects a sample expression as key.");
        }
        String table = null;
        if (args.size() > 1) {
            if (!args.get(1).equals("table") || args.size() != 3) {
                throw new RuleException("'" + action + "' : unexpected argument '" + args.get(1)
                        + "' (expects 'table <name>').");
            }
            table = args.get(2);
        }
        try {
            return new TrackCounter(counter, SampleExpression.compile(args.get(0)), table);
        } catch (AclException e) {
            throw new RuleException(e.getMessage());
        }
    }

    @Override
    public Verdict apply(HttpTransaction tx) {
        String value = key.value(tx.view());
        if (value != null) {
            tx.track(counter, table, value);
        }
        return Verdict.CONTINUE;
    }
}
