package io.tollgate.engine.acl;

import java.util.Arrays;
import java.util.Set;

/**
 * The fetches of sample expressions: every ACL criterion, plus constants ({@code str},
 * {@code int}). Header fetches without an occurrence take the last one, as HAProxy's sample
 * fetches do (an ACL, by contrast, tries them all).
 */
final class ValueFetches {
    private static final Set<String> LAST_OCCURRENCE = Set.of("hdr", "req.hdr", "req.fhdr", "res.hdr", "shdr");

    private ValueFetches() {
    }

    static Fetch create(String keyword, String[] args, String expression) throws AclException {
        switch (keyword) {
            case "str" -> {
                String text = String.join(",", args);
                return (r, t) -> t.string(text, 0, text.length());
            }
            case "int" -> {
                long value = constant(keyword, args);
                return (r, t) -> t.integer(value);
            }
            default -> {
                Criteria.Criterion criterion = Criteria.find(keyword);
                if (criterion == null) {
                    HaproxyFetches.refuseLua(keyword);
                    if (HaproxyFetches.isKnown(keyword)) {
                        throw new AclException("fetch method '" + keyword + "' in sample expression '" + expression
                                + "' is not supported yet by Tollgate.");
                    }
                    throw new AclException("unknown fetch method '" + keyword + "' in sample expression '"
                            + expression + "'.");
                }
                String[] used = args;
                if (LAST_OCCURRENCE.contains(keyword) && args.length == 1) {
                    used = Arrays.copyOf(args, 2);
                    used[1] = "-1";
                }
                return criterion.factory().create(keyword, used);
            }
        }
    }

    private static long constant(String keyword, String[] args) throws AclException {
        try {
            return Long.parseLong(args.length == 1 ? args[0].strip() : "");
        } catch (NumberFormatException e) {
            throw new AclException("fetch method '" + keyword + "' expects one integer argument.");
        }
    }
}
