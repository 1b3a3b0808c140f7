package io.tollgate.engine.acl;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * One pattern list as HAProxy 2.6 keeps it ({@code struct pat_ref}): a {@code -f} or map file,
 * read from disk once and shared by every ACL and map converter that names it, or the patterns
 * written on one ACL line; changed afterwards only by the runtime API. Each user compiles the
 * lines its own way (a match method, a case rule); users with the same way share one compiled
 * form, as HAProxy shares a {@code pattern_expr}.
 *
 * <p>Reads on the request path are lock-free: a user reads a volatile snapshot. A change is
 * made under this object's lock: the new list of lines is compiled for every user first, so
 * that a line one of them refuses (a bad address for an ip ACL) changes nothing, then every
 * snapshot is swapped. The file on disk is never written.
 */
public final class PatternRef {
    /**
     * One line: a pattern (ACL) or a key and its value (map), with the number the CLI shows as
     * {@code 0x..}, and the version it belongs to: only the current version's lines are matched.
     */
    public record Item(long ref, String key, String value, int version) {
        public Item(long ref, String key, String value) {
            this(ref, key, value, 0);
        }
    }

    /** A way of compiling the lines, with the snapshot it serves. */
    public interface User {
        /** Compiles {@code items}, without publishing; throws when one is refused. */
        Object compile(List<Item> items) throws AclException;

        /** Publishes what {@link #compile} returned. */
        void publish(Object compiled);

        /** How {@code get acl|map} names it: {@code type=str, case=sensitive}. */
        String describe();

        /** A map's output type ({@code type="str"} at the end of {@code get map}); null for an ACL. */
        default String output() {
            return null;
        }

        /** {@code idx=} in {@code get acl|map}: "tree" or "list". */
        String index();

        /** The line of {@code items} that decides for {@code sample}, as {@code get acl|map} reports it, or null. */
        Item lookup(List<Item> items, String sample) throws AclException;
    }

    private volatile int id = -1;
    private int[] position = {0, 0, 0, 0};
    private final String path;
    /** For a list written on an ACL line, what {@code show acl} says of it; null for a file. */
    private final String inlineDisplay;
    private final PatternFiles owner;
    private final Set<String> usages = new LinkedHashSet<>();
    private final List<User> users = new CopyOnWriteArrayList<>();
    private volatile List<Item> items;
    private volatile boolean acl;
    /** HAProxy's {@code curr_gen} and {@code next_gen} ({@code prepare} and {@code commit}). */
    private volatile int currentVersion;
    private int nextVersion;
    private volatile boolean map;
    /** HAProxy's {@code entry_cnt}, kept its way (see {@link #listing}). */
    private long entryCount;
    /** The line in the file of each entry read from it, for load errors. */
    private final Map<Long, Integer> fileLines;

    PatternRef(String path, String inlineDisplay, List<Item> items, Map<Long, Integer> fileLines,
               PatternFiles owner) {
        this.path = path;
        this.inlineDisplay = inlineDisplay;
        this.items = List.copyOf(items);
        this.fileLines = fileLines;
        this.owner = owner;
    }

    /** The number {@code show acl|map} prints and {@code #<id>} names. */
    public int id() {
        return id;
    }

    void number(int id) {
        this.id = id;
    }

    void place(int[] position) {
        this.position = position;
    }

    int[] position() {
        return position;
    }

    /** The file name as the configuration wrote it, which also names the file on the CLI. */
    public String path() {
        return path;
    }

    public boolean isAcl() {
        return acl;
    }

    public boolean isMap() {
        return map;
    }

    /** The lines of the current version, those requests are matched against. */
    public List<Item> items() {
        return items(currentVersion);
    }

    /** The lines of one version ({@code show acl @<ver>}). */
    public List<Item> items(int version) {
        return current(items, version);
    }

    public int currentVersion() {
        return currentVersion;
    }

    public synchronized int nextVersion() {
        return nextVersion;
    }

    /** {@code prepare acl|map}: a new version to fill, returned. */
    public synchronized int prepare() {
        return ++nextVersion;
    }

    /**
     * {@code commit acl|map @<ver>}: that version becomes the one requests see, at once, and the
     * lines of older versions go (newer prepared versions stay). The caller checked the range.
     */
    public synchronized void commit(int version) throws AclException {
        List<Item> next = new ArrayList<>(items);
        next.removeIf(i -> i.version() < version);
        List<Object> compiled = compileAll(current(next, version));
        int removed = items.size() - next.size();
        currentVersion = version;
        publish(next, compiled);
        entryCount -= removed;
    }

    /** The users whose compiled forms differ, in the order they came. */
    public List<User> distinctUsers() {
        List<User> distinct = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (User u : users) {
            if (seen.add(u.describe())) {
                distinct.add(u);
            }
        }
        return distinct;
    }

    /**
     * {@code show acl|map}'s line: {@code <id> (<file>) pattern loaded from file '<file>' used by
     * acl at file '<cfg>' line <n>, by ... curr_ver=0 next_ver=0 entry_cnt=<n>}. HAProxy 2.6 counts
     * an entry once per distinct compiled form it enters, but uncounts it once when it is deleted
     * (checked against haproxy -db: 2 lines in 2 forms count 4, one deleted leaves 3), and an
     * {@code add} that a form refuses counts it in the forms before, then uncounts it once.
     */
    public synchronized String listing() {
        List<Item> items = items();
        StringBuilder out = new StringBuilder().append(id).append(" (").append(path).append(") ");
        if (inlineDisplay != null) {
            out.append(inlineDisplay);
        } else {
            out.append("pattern loaded from file '").append(path).append('\'');
        }
        String sep = " used by ";
        for (String usage : usages) {
            out.append(sep).append(usage);
            sep = ", by ";
        }
        return out.append(". curr_ver=").append(currentVersion).append(" next_ver=").append(nextVersion)
                .append(" entry_cnt=").append(entryCount).append('\n').toString();
    }

    synchronized void used(String kind, String where) {
        if (kind.equals("map")) {
            map = true;
        } else {
            acl = true;
        }
        if (where != null) {
            usages.add(kind + " at " + where);
        }
    }

    /** Adds a user, or returns the one already compiling the lines the same way. */
    synchronized User join(User user) throws AclException {
        for (User u : users) {
            if (u.equals(user)) {
                return u;
            }
        }
        List<Item> current = items();
        Object compiled;
        try {
            compiled = user.compile(current);
        } catch (AclException e) {
            throw located(user, current, e);
        }
        user.publish(compiled);
        boolean newForm = distinctUsers().stream().noneMatch(u -> u.describe().equals(user.describe()));
        users.add(user);
        if (newForm) {
            entryCount += current.size();
        }
        return user;
    }

    /** HAProxy names the file line it could not load: "... address at line 4 of file 'x'.". */
    private AclException located(User user, List<Item> current, AclException whole) {
        if (inlineDisplay != null) {
            return whole;
        }
        for (Item item : current) {
            try {
                user.compile(List.of(item));
            } catch (AclException e) {
                String message = e.getMessage();
                if (message.endsWith(".")) {
                    message = message.substring(0, message.length() - 1);
                }
                return new AclException(message + " at line " + fileLines.getOrDefault(item.ref(), 0) + " of file '"
                        + path + "'.");
            }
        }
        return whole;
    }

    /** {@code add acl|map}: appends a line; throws with the refusal of the first user that cannot take it. */
    public synchronized void add(String key, String value) throws AclException {
        add(currentVersion, key, value);
    }

    /** {@code add acl|map @<ver>}: a line of that version, matched once it is committed. */
    public synchronized void add(int version, String key, String value) throws AclException {
        List<Item> next = new ArrayList<>(items);
        Item added = new Item(owner.nextItemRef(), key, value, version);
        next.add(added);
        List<User> forms = distinctUsers();
        for (int i = 0; i < forms.size(); i++) {
            try {
                forms.get(i).compile(List.of(added));
            } catch (AclException e) {
                entryCount += i - 1;
                throw e;
            }
        }
        replace(next);
        entryCount += forms.size();
    }

    /** {@code del acl|map <key>}: removes every line with this key; false when there is none. */
    public synchronized boolean removeKey(String key) throws AclException {
        return removeIf(item -> item.key().equals(key));
    }

    /** {@code del acl|map #<ref>}. */
    public synchronized boolean removeRef(long ref) throws AclException {
        return removeIf(item -> item.ref() == ref);
    }

    /** {@code set map <key> <value>}: every line with this key; false when there is none. */
    public synchronized boolean setValue(Predicate<Item> which, String value) throws AclException {
        List<Item> next = new ArrayList<>(items.size());
        boolean found = false;
        for (Item item : items) {
            if (which.test(item)) {
                found = true;
                next.add(new Item(item.ref(), item.key(), value, item.version()));
            } else {
                next.add(item);
            }
        }
        if (found) {
            replace(next);
        }
        return found;
    }

    /** {@code clear acl|map}. */
    public synchronized void clear() throws AclException {
        clear(currentVersion);
    }

    /** {@code clear acl|map @<ver>}: the lines of one version. */
    public synchronized void clear(int version) throws AclException {
        removeIf(item -> item.version() == version);
    }

    private boolean removeIf(Predicate<Item> which) throws AclException {
        List<Item> next = new ArrayList<>(items);
        if (!next.removeIf(which)) {
            return false;
        }
        int removed = items.size() - next.size();
        replace(next);
        entryCount -= removed;
        return true;
    }

    private void replace(List<Item> next) throws AclException {
        publish(next, compileAll(current(next, currentVersion)));
    }

    private List<Object> compileAll(List<Item> current) throws AclException {
        List<Object> compiled = new ArrayList<>(users.size());
        for (User u : users) {
            compiled.add(u.compile(current));
        }
        return compiled;
    }

    private void publish(List<Item> next, List<Object> compiled) {
        items = List.copyOf(next);
        for (int i = 0; i < compiled.size(); i++) {
            users.get(i).publish(compiled.get(i));
        }
    }

    private static List<Item> current(List<Item> all, int version) {
        List<Item> out = new ArrayList<>(all.size());
        for (Item i : all) {
            if (i.version() == version) {
                out.add(i);
            }
        }
        return out;
    }
}
