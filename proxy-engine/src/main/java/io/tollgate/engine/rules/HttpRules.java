package io.tollgate.engine.rules;

import io.tollgate.engine.acl.AclException;
import io.tollgate.engine.acl.Acls;
import io.tollgate.engine.acl.Condition;

import java.util.List;
import java.util.Map;

/**
 * Compiles {@code http-request}, {@code http-response} and {@code redirect} lines into
 * {@link HttpRule}s. The words of a line are the action (with its parenthesised argument, as in
 * {@code set-var(txn.x)}), its arguments, then an optional {@code if|unless} condition.
 */
public final class HttpRules {
    private HttpRules() {
    }

    /** True when Tollgate runs {@code action} (its name without parentheses) in this phase. */
    public static boolean runs(String action, boolean response) {
        return table(response).containsKey(action);
    }

    /** Compiles one {@code http-request}/{@code http-response} rule: {@code words} start with the action. */
    public static HttpRule compile(List<String> words, Acls acls, RuleSite site, boolean response) throws RuleException {
        String word = words.get(0);
        int paren = word.indexOf('(');
        String name = paren < 0 ? word : word.substring(0, paren);
        String argument = null;
        if (paren >= 0) {
            if (!word.endsWith(")")) {
                throw new RuleException("missing ')' after '" + word + "'.");
            }
            argument = word.substring(paren + 1, word.length() - 1);
        }
        ActionParser parser = table(response).get(name);
        if (parser == null) {
            throw new RuleException("action '" + name + "' is not supported yet by Tollgate.");
        }
        int cond = conditionStart(words, 1);
        HttpAction action = parser.parse(argument, words.subList(1, cond), site);
        return new HttpRule(condition(words.subList(cond, words.size()), acls), action);
    }

    /** Compiles a standalone {@code redirect} line: {@code words} are what follows the keyword. */
    public static HttpRule compileRedirect(List<String> words, Acls acls) throws RuleException {
        int cond = conditionStart(words, 0);
        return new HttpRule(condition(words.subList(cond, words.size()), acls), Redirect.parse(words.subList(0, cond)));
    }

    private static Map<String, ActionParser> table(boolean response) {
        return response ? HttpResponseActions.TABLE : HttpRequestActions.TABLE;
    }

    public static int conditionStart(List<String> words, int from) {
        for (int i = from; i < words.size(); i++) {
            String w = words.get(i);
            if (w.equals("if") || w.equals("unless")) {
                return i;
            }
        }
        return words.size();
    }

    private static Condition condition(List<String> words, Acls acls) throws RuleException {
        try {
            return acls.condition(words);
        } catch (AclException e) {
            throw new RuleException(e.getMessage());
        }
    }
}
