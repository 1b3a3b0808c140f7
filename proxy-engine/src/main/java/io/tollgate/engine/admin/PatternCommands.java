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
 * <p>Versions as in HAProxy 2.6: {@code prepare acl|map <ref>} opens one, {@code add|show|clear
 * acl|map @<ver> <ref>} fill, read and empty it without touching traffic, {@code commit acl|map
 * @<ver> <ref>} makes it the one requests see, at once, and drops the older ones.
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
        try {
            if (verb.equals("prepare")) {
                PatternRef ref = proxies.patternFiles().find(arg(w, 2), kind);
                return ref == null ? unknown() : new RuntimeApi.Answer("New version created: " + ref.prepare() + "\n", true);
            }
            if (verb.equals("commit")) {
                return commit(w);
            }
            // "@<ver>" before the identifier names a version for show, add and clear, as HAProxy 2.6 reads it
            if (arg(w, 2).startsWith("@") && List.of("show", "add", "clear").contains(verb)) {
                return versioned(verb, version(w.get(2)), without(w, 2));
            }
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

    private RuntimeApi.Answer commit(List<String> w) throws AclException {
        if (!arg(w, 2).startsWith("@")) {
            return RuntimeApi.Answer.error("Missing version number.\n");
        }
        int version = version(w.get(2));
        PatternRef ref = proxies.patternFiles().find(arg(w, 3), kind);
        if (ref == null) {
            return unknown();
        }
        synchronized (ref) {
            if (version <= ref.currentVersion() || version > ref.nextVersion()) {
                return RuntimeApi.Answer.error("Version number out of range.\n");
            }
            ref.commit(version);
        }
        return RuntimeApi.Answer.ok();
    }

    /** {@code show|add|clear acl|map @<ver> <ref> ...}, {@code w} without the version word. */
    private RuntimeApi.Answer versioned(String verb, int version, List<String> w) throws AclException {
        if (verb.equals("add")) {
            RuntimeApi.Answer missing = addUsage(w);
            if (missing != null) {
                return missing;
            }
        }
        PatternRef ref = proxies.patternFiles().find(arg(w, 2), kind);
        if (ref == null) {
            return verb.equals("clear") && arg(w, 2).isEmpty()
                    ? RuntimeApi.Answer.error("Missing " + label + " identifier.\n") : unknown();
        }
        switch (verb) {
            case "show" -> {
                return new RuntimeApi.Answer(entries(ref.items(version)), true);
            }
            case "clear" -> ref.clear(version);
            default -> {
                synchronized (ref) {
                    if (version > ref.nextVersion()) {
                        return RuntimeApi.Answer.error("Version number in the future, please use 'prepare " + kind
                                + "' before.\n");
                    }
                    ref.add(version, w.get(3), kind.equals("map") ? w.get(4) : null);
                }
            }
        }
        return RuntimeApi.Answer.ok();
    }

    /** HAProxy reads the version with {@code atoi}: leading digits, 0 when there are none. */
    private static int version(String word) {
        int v = 0;
        for (int i = 1; i < word.length() && Character.isDigit(word.charAt(i)) && v < 100_000_000; i++) {
            v = v * 10 + (word.charAt(i) - '0');
        }
        return v;
    }

    private static List<String> without(List<String> w, int index) {
        List<String> out = new java.util.ArrayList<>(w);
        out.remove(index);
        return out;
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
        return new RuntimeApi.Answer(entries(ref.items()), true);
    }

    private String entries(List<PatternRef.Item> items) {
        StringBuilder out = new StringBuilder();
        for (PatternRef.Item item : items) {
            out.append("0x").append(Long.toHexString(item.ref())).append(' ').append(item.key());
            if (kind.equals("map")) {
                out.append(' ').append(item.value());
            }
            out.append('\n');
        }
        return out.toString();
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

    private RuntimeApi.Answer addUsage(List<String> w) {
        boolean map = kind.equals("map");
        if (arg(w, 3).isEmpty() || (map && arg(w, 4).isEmpty())) {
            return RuntimeApi.Answer.error(map
                    ? "'add map' expects three parameters (map identifier, key and value) or one parameter "
                            + "(map identifier) and a payload\n"
                    : "'add acl' expects two parameters: ACL identifier and pattern.\n");
        }
        return null;
    }

    private RuntimeApi.Answer add(List<String> w) throws AclException {
        boolean map = kind.equals("map");
        RuntimeApi.Answer missing = addUsage(w);
        if (missing != null) {
            return missing;
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

    private static String arg(List<String> w, int i) {
        return i < w.size() ? w.get(i) : "";
    }
}
