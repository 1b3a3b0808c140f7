package io.tollgate.engine.config;

import java.util.List;
import java.util.Set;

/**
 * Checks the {@code if|unless <condition>} tail of a rule as far as the loader can: the word
 * after the rule must be {@code if} or {@code unless} followed by something, and every named
 * ACL must be declared earlier in the proxy or be one of HAProxy's predefined ACLs, as HAProxy
 * requires when it compiles the rule. Anonymous ACLs ({@code { path /x }}) are not checked.
 */
final class AclConditions {
    /** HAProxy 2.6's default_acl_list ({@code src/acl.c}). */
    static final Set<String> PREDEFINED = Set.of("TRUE", "FALSE", "LOCALHOST", "HTTP", "HTTP_1.0", "HTTP_1.1",
            "HTTP_2.0", "METH_CONNECT", "METH_DELETE", "METH_GET", "METH_HEAD", "METH_OPTIONS", "METH_POST",
            "METH_PUT", "METH_TRACE", "HTTP_URL_ABS", "HTTP_URL_SLASH", "HTTP_URL_STAR", "HTTP_CONTENT",
            "RDP_COOKIE", "REQ_CONTENT", "WAIT_END");

    private AclConditions() {
    }

    /**
     * Checks {@code words} (starting at {@code if}/{@code unless}, or empty for no condition)
     * against the ACLs declared so far; {@code rule} names the rule in messages.
     */
    static void check(List<String> words, List<Directive> acls, String rule) throws KeywordException {
        if (words.isEmpty()) {
            return;
        }
        String first = words.get(0);
        if (!(first.equals("if") || first.equals("unless")) || words.size() < 2) {
            throw new KeywordException("'" + rule + "' requires either 'if' or 'unless' followed by a condition"
                    + (first.equals("if") || first.equals("unless") ? "." : " but got '" + first + "'."));
        }
        boolean inBraces = false;
        for (String word : words.subList(1, words.size())) {
            String name = stripNegation(word);
            if (inBraces) {
                inBraces = !name.endsWith("}");
            } else if (name.startsWith("{")) {
                inBraces = !name.endsWith("}") || name.equals("{");
            } else if (!name.isEmpty() && !name.equals("||") && !name.equals("or")
                    && !PREDEFINED.contains(name) && !isDeclared(name, acls)) {
                throw new KeywordException("error detected while parsing '" + rule + "' rule : no such ACL : '" + name + "'.");
            }
        }
    }

    private static String stripNegation(String word) {
        String name = word;
        while (name.startsWith("!")) {
            name = name.substring(1);
        }
        return name;
    }

    private static boolean isDeclared(String name, List<Directive> acls) {
        return acls.stream().anyMatch(a -> a.args().get(0).equals(name));
    }
}
