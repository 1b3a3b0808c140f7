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
 * <p>Ids count from 0 in the order files are first used; HAProxy also numbers its inline
 * pattern lists (and two internal ones), so its ids can be larger: files are best named by path.
 */
public final class PatternFiles {
    private static final ThreadLocal<PatternFiles> COMPILING = new ThreadLocal<>();
    private static final ThreadLocal<String> WHERE = new ThreadLocal<>();
    /** Where element numbers start: they are shown as HAProxy shows addresses, {@code 0x...}. */
    private static final long FIRST_ITEM_REF = 0x55d0_0000_1000L;

    private final Map<String, PatternRef> byPath = new LinkedHashMap<>();
    private final List<PatternRef> refs = new CopyOnWriteArrayList<>();
    private final AtomicLong itemRefs = new AtomicLong(FIRST_ITEM_REF);

    /** Makes this registry the one expressions compiled on this thread load files from, until {@link #unbind}. */
    public void bind() {
        COMPILING.set(this);
    }

    public void unbind() {
        COMPILING.remove();
        WHERE.remove();
    }

    /**
     * Says which configuration line the expressions compiled next on this thread come from, for
     * {@code show acl|map}'s "used by acl at file 'f' line n"; null when unknown.
     */
    public static void at(String file, int line) {
        WHERE.set(file == null ? null : "file '" + file + "' line " + line);
    }

    /** The files in id order. */
    public List<PatternRef> all() {
        return List.copyOf(refs);
    }

    /** {@code #<id>} or the file name, among the files used as {@code kind} ("acl" or "map"); null if none. */
    public PatternRef find(String name, String kind) {
        PatternRef found = null;
        if (name.startsWith("#")) {
            for (PatternRef r : refs) {
                if (("#" + r.id()).equals(name)) {
                    found = r;
                }
            }
        } else {
            synchronized (this) {
                found = byPath.get(name);
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
        if (registry == null) {
            PatternFiles scratch = new PatternFiles();
            Map<Long, Integer> lines = new java.util.HashMap<>();
            PatternRef alone = new PatternRef(-1, name, read(name, baseDir, kind, scratch, lines), lines, scratch);
            alone.used(kind, null);
            return alone;
        }
        PatternRef ref;
        synchronized (registry) {
            ref = registry.byPath.get(name);
            if (ref == null) {
                Map<Long, Integer> lines = new java.util.HashMap<>();
                ref = new PatternRef(registry.refs.size(), name, read(name, baseDir, kind, registry, lines), lines,
                        registry);
                registry.byPath.put(name, ref);
                registry.refs.add(ref);
            }
        }
        ref.used(kind, WHERE.get());
        return ref;
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
