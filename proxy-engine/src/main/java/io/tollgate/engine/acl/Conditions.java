package io.tollgate.engine.acl;

/** The combinators conditions are built from; arrays rather than lists so evaluation allocates nothing. */
final class Conditions {
    static final Condition NEVER = request -> false;

    private Conditions() {
    }

    static Condition not(Condition c) {
        return new Not(c);
    }

    static Condition allOf(Condition[] terms) {
        return terms.length == 1 ? terms[0] : new AllOf(terms);
    }

    static Condition anyOf(Condition[] alternatives) {
        return alternatives.length == 0 ? NEVER : alternatives.length == 1 ? alternatives[0] : new AnyOf(alternatives);
    }

    private record Not(Condition condition) implements Condition {
        @Override
        public boolean matches(RequestView request) {
            return !condition.matches(request);
        }
    }

    private record AllOf(Condition[] terms) implements Condition {
        @Override
        public boolean matches(RequestView request) {
            for (Condition term : terms) {
                if (!term.matches(request)) {
                    return false;
                }
            }
            return true;
        }
    }

    private record AnyOf(Condition[] alternatives) implements Condition {
        @Override
        public boolean matches(RequestView request) {
            for (Condition alternative : alternatives) {
                if (alternative.matches(request)) {
                    return true;
                }
            }
            return false;
        }
    }
}
