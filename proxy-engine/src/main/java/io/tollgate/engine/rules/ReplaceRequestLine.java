package io.tollgate.engine.rules;

import java.util.regex.Pattern;

/** {@code replace-path}, {@code replace-pathq} and {@code replace-uri <regex> <fmt>}. */
final class ReplaceRequestLine implements HttpAction {
    private final RequestLinePart part;
    private final Pattern regex;
    private final FormatString template;

    ReplaceRequestLine(RequestLinePart part, Pattern regex, FormatString template) {
        this.part = part;
        this.regex = regex;
        this.template = template;
    }

    @Override
    public Verdict apply(HttpTransaction tx) {
        String uri = tx.request().uri();
        String replaced = RegexReplacement.apply(regex, part.read(uri), template.render(tx));
        if (replaced == null) {
            return Verdict.CONTINUE;
        }
        String updated = part.write(uri, replaced);
        if (updated.isEmpty() || !updated.chars().allMatch(c -> c > 32 && c < 127)) {
            tx.rewriteFailed();
            return Verdict.CONTINUE;
        }
        tx.request().setUri(updated);
        tx.requestLineChanged();
        return Verdict.CONTINUE;
    }
}
