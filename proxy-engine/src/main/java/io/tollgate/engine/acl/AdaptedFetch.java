package io.tollgate.engine.acl;

import java.util.function.UnaryOperator;

/** A text fetch whose samples reach the test through a converter built once, when the ACL compiles. */
record AdaptedFetch(Fetch text, UnaryOperator<PatternTest> converter) implements Fetch {
    @Override
    public boolean anyMatch(RequestView request, PatternTest test) {
        return text.anyMatch(request, test);
    }

    @Override
    public PatternTest adapt(PatternTest test) {
        return converter.apply(test);
    }
}
