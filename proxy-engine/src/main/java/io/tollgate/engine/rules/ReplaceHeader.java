package io.tollgate.engine.rules;

import io.netty.handler.codec.http.HttpHeaders;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * {@code replace-header <name> <regex> <fmt>} (each whole line of the header) and
 * {@code replace-value <name> <regex> <fmt>} (each comma-separated value of it).
 */
final class ReplaceHeader implements HttpAction {
    private final String name;
    private final Pattern regex;
    private final FormatString template;
    private final boolean perValue;
    private final boolean response;

    ReplaceHeader(String name, Pattern regex, FormatString template, boolean perValue, boolean response) {
        this.name = name;
        this.regex = regex;
        this.template = template;
        this.perValue = perValue;
        this.response = response;
    }

    @Override
    public Verdict apply(HttpTransaction tx) {
        HttpHeaders headers = response ? tx.response().headers() : tx.request().headers();
        List<String> lines = headers.getAll(name);
        if (lines.isEmpty()) {
            return Verdict.CONTINUE;
        }
        String replacement = template.render(tx);
        List<String> updated = new ArrayList<>(lines.size());
        boolean changed = false;
        for (String line : lines) {
            String v = perValue ? replaceValues(line, replacement) : RegexReplacement.apply(regex, line, replacement);
            if (v == null || v.equals(line)) {
                updated.add(line);
            } else if (!HeaderValues.valid(v)) {
                tx.rewriteFailed();
                updated.add(line);
            } else {
                updated.add(v);
                changed = true;
            }
        }
        if (changed) {
            headers.set(name, updated);
        }
        return Verdict.CONTINUE;
    }

    private String replaceValues(String line, String replacement) {
        String[] values = line.split(",", -1);
        StringBuilder sb = new StringBuilder(line.length());
        for (int i = 0; i < values.length; i++) {
            String raw = values[i];
            String trimmed = raw.strip();
            String v = RegexReplacement.apply(regex, trimmed, replacement);
            if (i > 0) {
                sb.append(',');
            }
            if (v == null) {
                sb.append(raw);
            } else {
                sb.append(i > 0 && raw.startsWith(" ") ? " " : "").append(v);
            }
        }
        return sb.toString();
    }
}
