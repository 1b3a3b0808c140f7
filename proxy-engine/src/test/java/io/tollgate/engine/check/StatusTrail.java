package io.tollgate.engine.check;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What successive stats snapshots showed of each server: the distinct {@code status} values in
 * the order they came (what an operator refreshing the page sees), and the last row seen while
 * no check was running (HAProxy resets parts of the check columns while a check runs).
 *
 * <p>Snapshots taken while HAProxy is half-way through applying a check are left out
 * ({@link #isTorn}).
 *
 * <p>A server counts from its first completed check (that of the end of its track chain, for a
 * tracking server): before it, the status is the start-up {@code UP 1/3} with {@code INI}, which one side
 * may show for a moment the other is never sampled in.
 */
final class StatusTrail {
    private static final Pattern RATIO = Pattern.compile("(\\S+) (-?\\d+)/(\\d+)");
    private final Map<String, List<String>> statuses = new LinkedHashMap<>();
    private final Map<String, Map<String, String>> settled = new LinkedHashMap<>();

    synchronized void record(Map<String, Map<String, String>> snapshot) {
        for (Map.Entry<String, Map<String, String>> e : snapshot.entrySet()) {
            Map<String, String> row = e.getValue();
            String sv = row.get("svname");
            if (sv.equals("FRONTEND") || sv.equals("BACKEND") || !checked(row, snapshot)
                    || isTorn(row.get("status"))) {
                continue;
            }
            List<String> seen = statuses.computeIfAbsent(e.getKey(), k -> new ArrayList<>());
            String status = row.get("status");
            if (seen.isEmpty() || !seen.get(seen.size() - 1).equals(status)) {
                seen.add(status);
            }
            if (!row.getOrDefault("check_status", "").startsWith("* ")) {
                settled.put(e.getKey(), row);
            }
        }
    }

    /** The distinct statuses of {@code px/sv} so far. */
    synchronized List<String> statuses(String server) {
        return List.copyOf(statuses.getOrDefault(server, List.of()));
    }

    /** The last row of {@code px/sv} seen between checks, or an empty map. */
    synchronized Map<String, String> settled(String server) {
        return settled.getOrDefault(server, Map.of());
    }

    /** Whether the statuses of {@code px/sv} so far end with {@code tail}. */
    synchronized boolean endsWith(String server, List<String> tail) {
        List<String> seen = statuses.getOrDefault(server, List.of());
        return seen.size() >= tail.size() && seen.subList(seen.size() - tail.size(), seen.size()).equals(tail);
    }

    /**
     * A status HAProxy shows for an instant while another thread applies a check: the health
     * already moved, the state not yet ({@code UP -1/3} on the way down, {@code DOWN 4/2} on the
     * way up). No steady state reads so, and Tollgate applies both at once.
     */
    static boolean isTorn(String status) {
        Matcher m = RATIO.matcher(status);
        if (!m.matches()) {
            return false;
        }
        int x = Integer.parseInt(m.group(2));
        int y = Integer.parseInt(m.group(3));
        return m.group(1).equals("DOWN") ? x >= y : x < 1;
    }

    /** Whether the server at the end of the row's track chain is past its start-up state. */
    private static boolean checked(Map<String, String> row, Map<String, Map<String, String>> snapshot) {
        Map<String, String> source = row;
        for (int hops = 0; hops < 16 && !source.getOrDefault("tracked", "").isEmpty(); hops++) {
            source = snapshot.getOrDefault(source.get("tracked"), Map.of());
        }
        // an empty check_status: no check, or checks paused in maintenance; there is nothing to wait for
        return !source.getOrDefault("check_status", "").endsWith("INI");
    }
}
