package io.tollgate.engine.rules;

import io.tollgate.engine.acl.SampleExpression;

/**
 * {@code set-var(<name>) <expr>}, {@code set-var-fmt(<name>) <fmt>} and
 * {@code unset-var(<name>)}. An expression that yields no sample leaves the variable unchanged,
 * as in HAProxy.
 */
final class SetVariable implements HttpAction {
    private final String name;
    private final SampleExpression expression;
    private final FormatString format;

    SetVariable(String name, SampleExpression expression, FormatString format) {
        this.name = name;
        this.expression = expression;
        this.format = format;
    }

    @Override
    public Verdict apply(HttpTransaction tx) {
        if (expression == null && format == null) {
            tx.setVariable(name, null);
            return Verdict.CONTINUE;
        }
        String v = expression != null ? expression.value(tx.view()) : format.render(tx);
        if (v != null) {
            tx.setVariable(name, v);
        }
        return Verdict.CONTINUE;
    }
}
