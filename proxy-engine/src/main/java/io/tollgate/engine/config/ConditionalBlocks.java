package io.tollgate.engine.config;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The {@code .if / .elif / .else / .endif} nesting of one file, as HAProxy's
 * {@code readcfgfile()} tracks it: each open block remembers whether one of its branches was
 * already taken, so a later {@code .elif} is skipped, and a block inside a dropped branch is
 * skipped without evaluating its condition.
 */
final class ConditionalBlocks {
    /** HAProxy's MAXNESTEDCONDS. */
    static final int MAX_NESTING = 128;

    private enum State {
        TAKE(false), DROP(true), SKIP(true), ELSE_TAKE(false), ELSE_DROP(true);

        final boolean masks;

        State(boolean masks) {
            this.masks = masks;
        }
    }

    /** The innermost block first; each entry also records whether a branch was taken. */
    private final Deque<State> states = new ArrayDeque<>();
    private final Deque<Boolean> taken = new ArrayDeque<>();

    /** Whether the current line is inside a branch that is not taken. */
    boolean isMasked() {
        return !states.isEmpty() && states.peek().masks;
    }

    boolean isOpen() {
        return !states.isEmpty();
    }

    /** {@code condition} is only evaluated when the enclosing branch is live. */
    void openIf(ConditionSupplier condition) throws KeywordException {
        if (states.size() + 1 >= MAX_NESTING) {
            throw new KeywordException("too many nested '.if', max is " + MAX_NESTING + ".");
        }
        if (isMasked()) {
            states.push(State.SKIP);
            taken.push(true);
            return;
        }
        boolean value = condition.get();
        states.push(value ? State.TAKE : State.DROP);
        taken.push(value);
    }

    void elseIf(ConditionSupplier condition) throws KeywordException {
        if (states.isEmpty()) {
            throw new KeywordException("lone '.elif' with no matching '.if'.");
        }
        State current = states.peek();
        if (current == State.ELSE_TAKE || current == State.ELSE_DROP) {
            throw new KeywordException("'.elif' after '.else' is not permitted.");
        }
        if (taken.peek()) {
            replace(State.SKIP, true);
            return;
        }
        boolean value = condition.get();
        replace(value ? State.TAKE : State.DROP, value);
    }

    void otherwise() throws KeywordException {
        if (states.isEmpty()) {
            throw new KeywordException("lone '.else' with no matching '.if'.");
        }
        State current = states.peek();
        if (current == State.ELSE_TAKE || current == State.ELSE_DROP) {
            throw new KeywordException("'.else' after '.else' is not permitted.");
        }
        replace(taken.peek() ? State.ELSE_DROP : State.ELSE_TAKE, true);
    }

    void close() throws KeywordException {
        if (states.isEmpty()) {
            throw new KeywordException("lone '.endif' with no matching '.if'.");
        }
        states.pop();
        taken.pop();
    }

    private void replace(State state, boolean branchTaken) {
        states.pop();
        taken.pop();
        states.push(state);
        taken.push(branchTaken);
    }

    /** A condition evaluated lazily, since skipped blocks must not evaluate theirs. */
    @FunctionalInterface
    interface ConditionSupplier {
        boolean get() throws KeywordException;
    }
}
