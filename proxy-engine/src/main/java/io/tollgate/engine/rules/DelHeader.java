package io.tollgate.engine.rules;

import io.netty.handler.codec.http.HttpHeaders;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/** {@code del-header <name> [-m str|beg|end|sub|reg]}: removes every header whose name matches. */
final class DelHeader implements HttpAction {
    private final String name;
    private final Predicate<String> matcher;
    private final boolean response;

    private DelHeader(String name, Predicate<String> matcher, boolean response) {
        this.name = name;
        this.matcher = matcher;
        this.response = response;
    }

    static DelHeader parse(List<String> args, boolean response) throws RuleException {
        if (args.isEmpty()) {
            throw new RuleException("expects at least 1 argument.");
        }
        String name = args.get(0);
        if (args.size() == 1) {
            return new DelHeader(name, null, response);
        }
        if (args.size() != 3 || !args.get(1).equals("-m")) {
            throw new RuleException("expects exactly 1 argument or 3 arguments if '-m' is used.");
        }
        String lower = name.toLowerCase(Locale.ROOT);
        Predicate<String> m = switch (args.get(2)) {
            case "str" -> null;
            case "beg" -> h -> h.toLowerCase(Locale.ROOT).startsWith(lower);
            case "end" -> h -> h.toLowerCase(Locale.ROOT).endsWith(lower);
            case "sub" -> h -> h.toLowerCase(Locale.ROOT).contains(lower);
            case "reg" -> RegexReplacement.compile(name).asPredicate();
            default -> throw new RuleException("'-m' : only 'str', 'beg', 'end', 'sub' and 'reg' are supported (got '"
                    + args.get(2) + "').");
        };
        return new DelHeader(name, m, response);
    }

    @Override
    public Verdict apply(HttpTransaction tx) {
        HttpHeaders headers = response ? tx.response().headers() : tx.request().headers();
        if (matcher == null) {
            headers.remove(name);
            return Verdict.CONTINUE;
        }
        List<String> doomed = new ArrayList<>();
        for (Map.Entry<String, String> e : headers) {
            if (matcher.test(e.getKey())) {
                doomed.add(e.getKey());
            }
        }
        doomed.forEach(headers::remove);
        if (!doomed.isEmpty() && !response) {
            tx.requestLineChanged();
        }
        return Verdict.CONTINUE;
    }
}
