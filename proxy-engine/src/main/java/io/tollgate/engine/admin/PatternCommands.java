package io.tollgate.engine.admin;

import io.tollgate.engine.acl.AclException;
import io.tollgate.engine.acl.PatternFiles;
import io.tollgate.engine.acl.PatternRef;
import io.tollgate.engine.runtime.Proxies;

import java.util.List;

/**
 * The commands on pattern files, one instance for ACLs and one for maps, with HAProxy 2.6.12's
 * answers (src/map.c, checked against {@code haproxy -db}): {@code show acl|map [<ref>]},
 * {@code get acl|map <ref> <value>}, {@code add acl <ref> <pattern>}, {@code add map <ref> <key>
 * <value>}, {@code del acl|map <ref> <key>|#<entry>}, {@code set map <ref> <key>|#<entry> <value>},
 * {@code clear acl|map <ref>}; {@code <ref>} is the file name or {@code #<id>}. As in HAProxy
 * 2.6 they need no level. Changes apply to the next request and never touch the file.
 *
 * <p>Versions ({@code @<ver>}, {@code prepare}, {@code commit}) are not implemented: they get
 * a plain refusal rather than a half-done answer.
 */
final class PatternCommands implements RuntimeApi.Family {
    private final Proxies proxies;
    private final String kind;
    private final String label;

    private PatternCommands(Proxies proxies, String kind, String label) {
        this.proxies = proxies;
        this.kind = kind;
        this.label = label;
    }

    static PatternCommands acls(Proxies proxies) {
        return new PatternCommands(proxies, "acl", "ACL");
    }

    static PatternCommands maps(Proxies proxies) {
        return new PatternCommands(proxies, "map", "map");
    }

    @Override
    public RuntimeApi.Answer run(List<String> w, Actor actor) {
        if (w.size() < 2 || !w.get(1).equals(kind)) {
            return null;
        }
        String verb = w.get(0);
        if (verb.equals("prepare") || verb.equals("commit")) {
            return RuntimeApi.Answer.error(unversioned());
        }
        if (arg(w, 2).startsWith("@")) {
            return List.of("show", "get", "add", "del", "set", "clear").contains(verb)
                    ? RuntimeApi.Answer.error(unversioned()) : null;
        }
        try {
            return switch (verb) {
                case "show" -> show(w);
                case "get" -> get(w);
                case "add" -> add(w);
                case "del" -> del(w);
                case "clear" -> clear(w);
                case "set" -> kind.equals("map") ? set(w) : null;
                default -> null;
            };
        } catch (AclException e) {
            return RuntimeApi.Answer.error(e.getMessage() + "\n");
        }
    }

    private RuntimeApi.Answer show(List<String> w) {
        PatternFiles files = proxies.patternFiles();
        if (arg(w, 2).isEmpty()) {
            StringBuilder out = new StringBuilder("# id (file) description\n");
            for (PatternRef ref : files.all()) {
                if (kind.equals("map") ? ref.isMap() : ref.isAcl()) {
                    out.append(ref.listing());
                }
            }
            return new RuntimeApi.Answer(out.toString(), true);
        }
        PatternRef ref = files.find(w.get(2), kind);
        if (ref == null) {
            return unknown();
        }
        StringBuilder out = new StringBuilder();
        for (PatternRef.Item item : ref.items()) {
            out.append("0x").append(Long.toHexString(item.ref())).append(' ').append(item.key());
            if (kind.equals("map")) {
                out.append(' ').append(item.value());
            }
            out.append('\n');
        }
        return new RuntimeApi.Answer(out.toString(), true);
    }

    /** One line per distinct way the file is compiled, saying which line decides for the value. */
    private RuntimeApi.Answer get(List<String> w) throws AclException {
        if (arg(w, 3).isEmpty()) {
            return RuntimeApi.Answer.error("Missing " + label + " identifier and/or key.\n");
        }
        PatternRef ref = proxies.patternFiles().find(w.get(2), kind);
        if (ref == null) {
            return unknown();
        }
        List<PatternRef.Item> items = ref.items();
        StringBuilder out = new StringBuilder();
        for (PatternRef.User user : ref.distinctUsers()) {
            PatternRef.Item found = user.lookup(items, w.get(3));
            out.append(user.describe());
            boolean map = user.output() != null;
            if (found == null) {
                out.append(map ? ", found=no\n" : ", match=no\n");
            } else if (map) {
                out.append(", found=yes, idx=").append(user.index()).append(", key=\"").append(found.key())
                        .append("\", value=\"").append(found.value()).append("\", type=\"").append(user.output())
                        .append("\"\n");
            } else {
                out.append(", match=yes, idx=").append(user.index()).append(", pattern=\"").append(found.key())
                        .append("\"\n");
            }
        }
        return new RuntimeApi.Answer(out.toString(), true);
    }

    private RuntimeApi.Answer add(List<String> w) throws AclException {
        boolean map = kind.equals("map");
        if (arg(w, 3).isEmpty() || (map && arg(w, 4).isEmpty())) {
            return RuntimeApi.Answer.error(map
                    ? "'add map' expects three parameters (map identifier, key and value) or one parameter "
                            + "(map identifier) and a payload\n"
                    : "'add acl' expects two parameters: ACL identifier and pattern.\n");
        }
        PatternRef ref = proxies.patternFiles().find(w.get(2), kind);
        if (ref == null) {
            return unknown();
        }
        ref.add(w.get(3), map ? w.get(4) : null);
        return RuntimeApi.Answer.ok();
    }

    private RuntimeApi.Answer del(List<String> w) throws AclException {
        if (arg(w, 3).isEmpty()) {
            return RuntimeApi.Answer.error("This command expects two parameters: " + label + " identifier and key.\n");
        }
        PatternRef ref = proxies.patternFiles().find(w.get(2), kind);
        if (ref == null) {
            // HAProxy 2.6 names maps here even for "del acl"
            return RuntimeApi.Answer.error("Unknown map identifier. Please use #<id> or <file>.\n");
        }
        String which = w.get(3);
        Long entry = entryRef(which);
        boolean removed = entry != null ? ref.removeRef(entry) : ref.removeKey(which);
        return removed ? RuntimeApi.Answer.ok() : RuntimeApi.Answer.error("Key not found.\n");
    }

    private RuntimeApi.Answer set(List<String> w) throws AclException {
        if (arg(w, 4).isEmpty()) {
            return RuntimeApi.Answer.error("'set map' expects three parameters: map identifier, key and value.\n");
        }
        PatternRef ref = proxies.patternFiles().find(w.get(2), kind);
        if (ref == null) {
            return unknown();
        }
        String which = w.get(3);
        Long entry = entryRef(which);
        if (entry != null) {
            return ref.setValue(item -> item.ref() == entry, w.get(4)) ? RuntimeApi.Answer.ok()
                    : RuntimeApi.Answer.error("key or pattern not found.\n");
        }
        return ref.setValue(item -> item.key().equals(which), w.get(4)) ? RuntimeApi.Answer.ok()
                : RuntimeApi.Answer.error("entry not found.\n");
    }

    private RuntimeApi.Answer clear(List<String> w) throws AclException {
        if (arg(w, 2).isEmpty()) {
            return RuntimeApi.Answer.error("Missing " + label + " identifier.\n");
        }
        PatternRef ref = proxies.patternFiles().find(w.get(2), kind);
        if (ref == null) {
            return unknown();
        }
        ref.clear();
        return RuntimeApi.Answer.ok();
    }

    /** {@code #0x<hex>} names one entry, as {@code show acl|map} prints them; anything else is a key. */
    private static Long entryRef(String word) {
        if (!word.startsWith("#0x")) {
            return null;
        }
        try {
            return Long.parseUnsignedLong(word.substring(3), 16);
        } catch (NumberFormatException e) {
            return -1L; // HAProxy reads what hex there is; no entry has this number
        }
    }

    private RuntimeApi.Answer unknown() {
        return RuntimeApi.Answer.error("Unknown " + label + " identifier. Please use #<id> or <file>.\n");
    }

    private String unversioned() {
        return "Versioned " + label + " updates (@<ver>, prepare, commit) are not supported by Tollgate.\n";
    }

    private static String arg(List<String> w, int i) {
        return i < w.size() ? w.get(i) : "";
    }
}
