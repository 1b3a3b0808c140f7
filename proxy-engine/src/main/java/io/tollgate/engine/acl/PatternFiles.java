package io.tollgate.engine.acl;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The pattern files of one loaded configuration ({@code -f <file>} of ACLs, the file of
 * {@code map*} converters), each read once and shared by every expression naming it, as
 * HAProxy shares a {@code pat_ref} by file name; the runtime API changes them in memory. A
 * reload builds a new registry that reads the files again, so runtime changes end with it, as
 * in HAProxy.
 *
 * <p>Expressions are compiled by static methods deep in rules and format strings, so the
 * registry is handed to them through the compiling thread: the engine {@link #bind}s it while
 * it compiles a configuration's rules. Outside a binding (the parser's check of each line) a
 * file is read into a private reference that nobody shares.
 *
 * <p>As in HAProxy, the patterns written on each ACL are a list of their own too ({@code show
 * acl} shows them with an empty file name), and every list is numbered from 0 in configuration
 * order. HAProxy's HTTP client adds two ACLs of its own before the lists of late-read lines;
 * Tollgate has no such ACLs but skips their two numbers, so every id matches HAProxy's.
 */
public final class PatternFiles {
    private static final ThreadLocal<PatternFiles> COMPILING = new ThreadLocal<>();
    private static final ThreadLocal<Place> WHERE = new ThreadLocal<>();
    /** Where element numbers start: they are shown as HAProxy shows addresses, {@code 0x...}. */
    private static final long FIRST_ITEM_REF = 0x55d0_0000_1000L;
    /** HAProxy's own HTTP client adds two ACLs between the configuration's and the deferred ones. */
    private static final int HTTPCLIENT_ACLS = 2;

    /**
     * A configuration line being compiled: its file and line, whether HAProxy reads it late (the
     * name of a dynamic {@code use_backend}, parsed after everything else), and how many pattern
     * lists it has asked for so far, which orders and names them.
     */
    private record Place(String file, int line, boolean deferred, int[] seq) {
        String where() {
            return "file '" + file + "' line " + line;
        }
    }

    /** Files by path, inline lists by place. */
    private final Map<String, PatternRef> byKey = new LinkedHashMap<>();
    private final List<PatternRef> refs = new CopyOnWriteArrayList<>();
    private final Map<String, Integer> configFiles = new LinkedHashMap<>();
    private final AtomicLong itemRefs = new AtomicLong(FIRST_ITEM_REF);
    private volatile List<PatternRef> numbered = List.of();

    /** Makes this registry the one expressions compiled on this thread load files from, until {@link #unbind}. */
    public void bind() {
        COMPILING.set(this);
    }

    /**
     * Ends the compilation: numbers the lists as HAProxy's {@code pattern_finalize_config} does,
     * in the order it created them, which is the configuration's line order, the late-read
     * lines last.
     */
    public void unbind() {
        COMPILING.remove();
        WHERE.remove();
        List<PatternRef> sorted = new ArrayList<>(refs);
        sorted.sort((a, b) -> java.util.Arrays.compare(a.position(), b.position()));
        int id = 0;
        boolean gap = false;
        for (PatternRef r : sorted) {
            if (r.position()[0] == 1 && !gap) {
                id += HTTPCLIENT_ACLS;
                gap = true;
            }
            r.number(id++);
        }
        numbered = List.copyOf(sorted);
    }

    /**
     * Says which configuration line the expressions compiled next on this thread come from, for
     * {@code show acl|map} ("used by acl at file 'f' line n", "acl 'src' file 'f' line n");
     * a null file when unknown: their lists are then private to them.
     */
    public static void at(String file, int line) {
        WHERE.set(file == null ? null : new Place(file, line, false, new int[1]));
    }

    /** As {@link #at}, for what HAProxy reads after the whole configuration (a dynamic use_backend's name). */
    public static void atDeferred(String file, int line) {
        WHERE.set(file == null ? null : new Place(file, line, true, new int[1]));
    }

    /** Whether expressions compiled now on this thread register their lists (see {@link #inline}). */
    static boolean sharing() {
        return COMPILING.get() != null && WHERE.get() != null;
    }

    /** The lists in id order. */
    public List<PatternRef> all() {
        return numbered;
    }

    /** {@code #<id>} or the file name, among the lists used as {@code kind} ("acl" or "map"); null if none. */
    public PatternRef find(String name, String kind) {
        PatternRef found = null;
        if (name.startsWith("#")) {
            for (PatternRef r : numbered) {
                if (("#" + r.id()).equals(name)) {
                    found = r;
                }
            }
        } else if (!name.isEmpty()) {
            synchronized (this) {
                found = byKey.get(name);
            }
        }
        return found != null && (kind.equals("map") ? found.isMap() : found.isAcl()) ? found : null;
    }

    long nextItemRef() {
        return itemRefs.getAndAdd(0x50);
    }

    /**
     * The shared reference for {@code name} used as {@code kind} from the current line, read
     * from disk the first time (relative names against {@code baseDir}).
     */
    static PatternRef load(String name, Path baseDir, String kind) throws AclException {
        PatternFiles registry = COMPILING.get();
        Place place = WHERE.get();
        if (registry == null) {
            PatternFiles scratch = new PatternFiles();
            Map<Long, Integer> lines = new java.util.HashMap<>();
            PatternRef alone = new PatternRef(name, null, read(name, baseDir, kind, scratch, lines), lines, scratch);
            alone.used(kind, null);
            return alone;
        }
        int seq = place == null ? 0 : place.seq()[0]++;
        PatternRef ref;
        synchronized (registry) {
            ref = registry.byKey.get(name);
            if (ref == null) {
                Map<Long, Integer> lines = new java.util.HashMap<>();
                ref = new PatternRef(name, null, read(name, baseDir, kind, registry, lines), lines, registry);
                ref.place(registry.position(place, seq));
                registry.byKey.put(name, ref);
                registry.refs.add(ref);
            } else if (kind.equals("map") ? !ref.isMap() : !ref.isAcl()) {
                // HAProxy's words, and its double period
                throw new AclException("The file \"" + name + "\" is already used as "
                        + (kind.equals("map") ? "one column file and cannot be used by as two column file.."
                        : "two column file and cannot be used by as one column file.."));
            }
        }
        ref.used(kind, place == null ? null : place.where());
        return ref;
    }

    /**
     * The list of patterns written on the ACL being compiled, shared by every compilation of
     * that line and open to the runtime API as HAProxy opens it ({@code acl '<keyword>' file 'f'
     * line n}); null outside a registry or a known line, where the caller keeps them to itself.
     */
    static PatternRef inline(String keyword, List<String> patterns) {
        PatternFiles registry = COMPILING.get();
        Place place = WHERE.get();
        if (registry == null || place == null) {
            return null;
        }
        int seq = place.seq()[0]++;
        String key = "\0" + place.file() + ":" + place.line() + "#" + seq;
        synchronized (registry) {
            PatternRef ref = registry.byKey.get(key);
            if (ref == null) {
                List<PatternRef.Item> items = new ArrayList<>(patterns.size());
                for (String p : patterns) {
                    items.add(new PatternRef.Item(registry.nextItemRef(), p, null));
                }
                ref = new PatternRef("", "acl '" + keyword + "' " + place.where(), items, Map.of(), registry);
                ref.place(registry.position(place, seq));
                ref.used("acl", null);
                registry.byKey.put(key, ref);
                registry.refs.add(ref);
            }
            return ref;
        }
    }

    /** Sort key: deferred or not, the configuration file, the line, the order on the line. */
    private int[] position(Place place, int seq) {
        if (place == null) {
            return new int[] {0, Integer.MAX_VALUE, 0, refs.size()};
        }
        int file = configFiles.computeIfAbsent(place.file(), f -> configFiles.size());
        return new int[] {place.deferred() ? 1 : 0, file, place.line(), seq};
    }

    /**
     * HAProxy's {@code pat_ref_read_from_file[_smp]}: a '#' in the first column comments the line
     * out, leading blanks are skipped, an empty line is skipped. A map line is a key up to the
     * first blank, then the value after the blanks, up to the end of the line.
     */
    private static List<PatternRef.Item> read(String name, Path baseDir, String kind, PatternFiles registry,
                                              Map<Long, Integer> lineNumbers) throws AclException {
        Path file = baseDir == null ? Path.of(name) : baseDir.resolve(name);
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException | RuntimeException e) {
            throw new AclException("failed to open pattern file <" + name + ">.");
        }
        List<PatternRef.Item> items = new ArrayList<>(lines.size());
        int number = 0;
        for (String line : lines) {
            number++;
            if (line.startsWith("#")) {
                continue;
            }
            int start = 0;
            while (start < line.length() && (line.charAt(start) == ' ' || line.charAt(start) == '\t')) {
                start++;
            }
            int end = line.length();
            while (end > start && line.charAt(end - 1) == '\r') {
                end--;
            }
            if (start == end) {
                continue;
            }
            String text = line.substring(start, end);
            long ref = registry.nextItemRef();
            lineNumbers.put(ref, number);
            if (!kind.equals("map")) {
                items.add(new PatternRef.Item(ref, text, null));
                continue;
            }
            int blank = 0;
            while (blank < text.length() && text.charAt(blank) != ' ' && text.charAt(blank) != '\t') {
                blank++;
            }
            int value = blank;
            while (value < text.length() && (text.charAt(value) == ' ' || text.charAt(value) == '\t')) {
                value++;
            }
            items.add(new PatternRef.Item(ref, text.substring(0, blank), text.substring(value)));
        }
        return items;
    }
}
