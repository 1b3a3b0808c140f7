package io.tollgate.engine.rules;

import io.tollgate.engine.http.HttpErrorsSections;
import io.tollgate.engine.http.ReplyContext;

/**
 * Where a rule is compiled: the proxy it belongs to (its name is the default {@code auth} realm,
 * its label, such as {@code frontend 'web'}, names it in messages), how replies read their files
 * and where their warnings go, and the {@code http-errors} sections replies may name. While the
 * configuration is still being read {@code httpErrors} is null: {@code errorfiles} replies stay
 * unresolved ({@link HttpRule#reply()}) until every section is known.
 */
public record RuleSite(String proxyName, String proxyLabel, ReplyContext replies, HttpErrorsSections httpErrors) {
}
