package io.tollgate.engine.config;

import io.tollgate.engine.acl.AclException;
import io.tollgate.engine.acl.Acls;
import io.tollgate.engine.rules.HttpRules;
import io.tollgate.engine.rules.RuleException;

import java.nio.file.Path;
import java.util.List;

/**
 * {@code redirect location|prefix|scheme <to> [code <c>] [options] [if|unless <cond>]}: checked
 * as HAProxy checks it; the engine runs these after the {@code http-request} rules.
 */
final class RedirectKeyword {
    private RedirectKeyword() {
    }

    static void register(KeywordTable<ProxyState> table) {
        table.add("redirect", Capabilities.notInDefaults(RedirectKeyword::redirect));
    }

    private static void redirect(Line line, ProxyState proxy, Problems problems) throws KeywordException {
        List<String> words = line.from(1);
        String prefix = "error detected in " + proxy.typeWord() + " '" + proxy.name + "' while parsing redirect rule : ";
        try {
            AclConditions.check(words.subList(HttpRules.conditionStart(words, 0), words.size()), proxy.acls, "redirect");
            HttpRules.compileRedirect(words, Acls.compile(proxy.acls, Path.of("")));
        } catch (AclException | RuleException e) {
            throw new KeywordException(prefix + e.getMessage());
        }
        proxy.redirectRules.add(line.toDirective());
    }
}
