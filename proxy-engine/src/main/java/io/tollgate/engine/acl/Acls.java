package io.tollgate.engine.acl;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.tollgate.engine.config.Directive;

/**
 * The ACLs of one proxy, compiled from its {@code acl} lines, and the compiler of the
 * {@code if|unless} conditions that refer to them.
 *
 * <p>A condition is HAProxy's {@code parse_acl_cond()}: terms side by side are ANDed, {@code ||}
 * or {@code or} separates alternatives (AND binds tighter), {@code !} negates the next term, and
 * {@code { criterion [flags] patterns }} is an anonymous ACL. Several {@code acl} lines with one
 * name form one ACL that matches when any of them does. A proxy's own ACL hides a predefined one
 * of the same name.
 *
 * <p>Errors: {@link #compile} throws messages in HAProxy's full form ("error detected while
 * parsing ACL 'x' : ..."); {@link #condition} throws the part after "error detected while
 * parsing switching rule : " (or whichever rule it is), for the caller to prefix.
 */
public final class Acls {
    private final Map<String, Condition> named;
    private final Path baseDir;

    private Acls(Map<String, Condition> named, Path baseDir) {
        this.named = named;
        this.baseDir = baseDir;
    }

    /** Compiles {@code acl} lines (args: name, criterion, flags, patterns); {@code -f} files resolve against {@code baseDir}. */
    public static Acls compile(List<Directive> aclLines, Path baseDir) throws AclException {
        Map<String, List<Condition>> byName = new LinkedHashMap<>();
        for (Directive line : aclLines) {
            List<String> args = line.args();
            if (args.isEmpty()) {
                throw new AclException("'acl' requires an ACL name.");
            }
            String name = args.get(0);
            PatternFiles.at(line.source() == null ? null : line.source().file(),
                    line.source() == null ? 0 : line.source().line());
            try {
                byName.computeIfAbsent(name, n -> new ArrayList<>())
                        .add(AclExpression.compile(args.subList(1, args.size()), baseDir));
            } catch (AclException e) {
                throw new AclException("error detected while parsing ACL '" + name + "' : " + e.getMessage());
            }
        }
        PatternFiles.at(null, 0);
        Map<String, Condition> named = new HashMap<>();
        for (Map.Entry<String, List<Condition>> e : byName.entrySet()) {
            named.put(e.getKey(), Conditions.anyOf(e.getValue().toArray(new Condition[0])));
        }
        return new Acls(named, baseDir);
    }

    /** Compiles {@code if|unless <condition>} words; no words at all means always. */
    public Condition condition(List<String> words) throws AclException {
        if (words.isEmpty()) {
            return Condition.ALWAYS;
        }
        String first = words.get(0);
        if (!first.equals("if") && !first.equals("unless")) {
            throw new AclException("expects 'if' or 'unless' followed by a condition but found '" + first + "'.");
        }
        List<Condition[]> alternatives = new ArrayList<>();
        List<Condition> suite = new ArrayList<>();
        boolean negate = false;
        for (int i = 1; i < words.size(); i++) {
            String word = words.get(i);
            int bangs = 0;
            while (bangs < word.length() && word.charAt(bangs) == '!') {
                bangs++;
            }
            negate ^= (bangs & 1) == 1;
            word = word.substring(bangs);
            if (word.isEmpty()) {
                continue; // a lone "!" applies to the next word
            }
            if (word.equals("||") || word.equalsIgnoreCase("or")) {
                // HAProxy starts a new suite lazily, so "a ||" and "|| a" are just "a".
                addSuite(alternatives, suite);
                negate = false;
                continue;
            }
            Condition term;
            if (word.equals("{")) {
                int close = words.subList(i + 1, words.size()).indexOf("}");
                if (close < 0) {
                    throw new AclException("missing closing '}' in condition.");
                }
                term = AclExpression.compile(words.subList(i + 1, i + 1 + close), baseDir);
                i += close + 1;
            } else {
                term = lookup(word);
            }
            suite.add(negate ? Conditions.not(term) : term);
            negate = false;
        }
        addSuite(alternatives, suite);
        Condition[] anyOf = new Condition[alternatives.size()];
        for (int i = 0; i < anyOf.length; i++) {
            anyOf[i] = Conditions.allOf(alternatives.get(i));
        }
        // No term at all ("if !") never matches: HAProxy ORs zero suites.
        Condition condition = Conditions.anyOf(anyOf);
        return first.equals("unless") ? Conditions.not(condition) : condition;
    }

    private Condition lookup(String name) throws AclException {
        Condition own = named.get(name);
        List<String> predefined = own == null ? Predefined.words(name) : null;
        Condition found = own != null ? own : predefined != null && PatternFiles.sharing()
                ? AclExpression.compile(predefined, null) : Predefined.find(name);
        if (found == null) {
            throw new AclException("no such ACL : '" + name + "'.");
        }
        return found;
    }

    private static void addSuite(List<Condition[]> alternatives, List<Condition> suite) {
        if (!suite.isEmpty()) {
            alternatives.add(suite.toArray(new Condition[0]));
            suite.clear();
        }
    }
}
