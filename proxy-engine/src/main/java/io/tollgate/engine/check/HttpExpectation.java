package io.tollgate.engine.check;

import io.tollgate.engine.config.HttpCheckDefinition;
import io.tollgate.engine.runtime.CheckStatus;

import java.util.regex.Pattern;

/**
 * One {@code http-check expect} rule, compiled: what it matches and the statuses it reports,
 * with HAProxy 2.6's info texts for content that did not match.
 */
final class HttpExpectation {
    /** The outcome of one rule. */
    record Verdict(boolean passed, CheckStatus status, String info) {
    }

    private static final Verdict PASS = new Verdict(true, CheckStatus.L7_OK, "");

    private final HttpCheckDefinition.Expect expect;
    private final Pattern regex;
    private final Pattern valueRegex;
    private final CheckStatus ok;
    private final CheckStatus error;

    private HttpExpectation(HttpCheckDefinition.Expect expect) {
        this.expect = expect;
        boolean regexKind = expect.kind().startsWith("r");
        this.regex = regexKind ? Pattern.compile(expect.pattern()) : null;
        this.valueRegex = null;
        this.ok = status(expect.okStatus(), CheckStatus.L7_OK);
        this.error = expect.errorStatus() == null ? null : status(expect.errorStatus(), CheckStatus.L7_RESPONSE);
    }

    static HttpExpectation of(HttpCheckDefinition.Expect expect) {
        return new HttpExpectation(expect);
    }

    boolean readsBody() {
        return expect.kind().endsWith("string") || expect.kind().equals("string-lf");
    }

    CheckStatus okStatus() {
        return ok;
    }

    Verdict judge(HttpCheckResponse response, String body) {
        String kind = expect.kind();
        boolean matched = switch (kind) {
            case "status" -> statusMatches(response.status());
            case "rstatus" -> regex.matcher(Integer.toString(response.status())).find();
            case "string", "string-lf" -> body.contains(expect.pattern());
            case "rstring" -> regex.matcher(body).find();
            default -> headerMatches(response);
        };
        if (matched != expect.negated()) {
            return PASS;
        }
        if (kind.endsWith("status")) {
            return new Verdict(false, error != null ? error : CheckStatus.L7_STATUS, response.reason());
        }
        if (kind.endsWith("hdr")) {
            return new Verdict(false, error != null ? error : CheckStatus.L7_RESPONSE,
                    expect.negated() ? "HTTP check matched unwanted content" : "HTTP header check did not match");
        }
        return new Verdict(false, error != null ? error : CheckStatus.L7_RESPONSE,
                expect.negated() ? "HTTP check matched unwanted content" : "HTTP content check did not match");
    }

    /** {@code status 200}, {@code status 200,301}, {@code status 200-399}. */
    private boolean statusMatches(int status) {
        for (String part : expect.pattern().split(",")) {
            int dash = part.indexOf('-');
            try {
                if (dash > 0) {
                    int low = Integer.parseInt(part.substring(0, dash).trim());
                    int high = Integer.parseInt(part.substring(dash + 1).trim());
                    if (status >= low && status <= high) {
                        return true;
                    }
                } else if (Integer.parseInt(part.trim()) == status) {
                    return true;
                }
            } catch (NumberFormatException e) {
                // a pattern that is not a code never matches
            }
        }
        return false;
    }

    private boolean headerMatches(HttpCheckResponse response) {
        String value = response.header(expect.pattern());
        if (value == null) {
            return false;
        }
        return expect.value() == null || value.contains(expect.value());
    }

    private static CheckStatus status(String name, CheckStatus fallback) {
        return CheckStatus.byCode(name, fallback);
    }
}
