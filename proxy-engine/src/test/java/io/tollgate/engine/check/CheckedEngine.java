package io.tollgate.engine.check;

import io.tollgate.engine.api.Engine;
import io.tollgate.engine.config.Config;
import io.tollgate.engine.config.ConfigLoader;
import io.tollgate.engine.runtime.CheckState;
import io.tollgate.engine.runtime.Server;
import io.tollgate.engine.runtime.ServerEvent;
import io.tollgate.engine.runtime.StateChanges;
import io.tollgate.engine.stats.CsvStatsWriter;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;

/**
 * An engine started from configuration text for check tests, recording every check result
 * (health checks and agents apart) with the server's CSV row right after it, and every
 * state-change event.
 */
final class CheckedEngine implements AutoCloseable {
    /** One check as the stats showed it right after it was applied. */
    record Seen(String server, CheckState.Result result, Map<String, String> row) {
        String status() {
            return row.get("status");
        }

        /** The HTML page's LastChk cell: {@code L7OK/200 in 1ms}, {@code L4CON in 0ms}. */
        String lastChk() {
            String code = row.get("check_code");
            return row.get("check_status").replace("* ", "") + (code.isEmpty() ? "" : "/" + code) + " in "
                    + row.get("check_duration") + "ms";
        }
    }

    private final Engine engine;
    private final boolean recordRows;
    final List<Seen> checks = new CopyOnWriteArrayList<>();
    final List<Seen> agents = new CopyOnWriteArrayList<>();
    final List<ServerEvent> events = new CopyOnWriteArrayList<>();

    private CheckedEngine(Engine engine, boolean recordRows) {
        this.engine = engine;
        this.recordRows = recordRows;
    }

    static CheckedEngine start(String configText) throws Exception {
        return start(configText, true);
    }

    /** With {@code recordRows} false, checks are not recorded (a CSV per check is too dear for many servers). */
    static CheckedEngine start(String configText, boolean recordRows) throws Exception {
        Path file = Files.createTempFile("tollgate-check", ".cfg");
        try {
            Files.writeString(file, configText);
            Config config = ConfigLoader.load(List.of(file), Map.of(), file.getParent());
            Engine engine = Engine.start(config);
            CheckedEngine e = new CheckedEngine(engine, recordRows);
            engine.proxies().stateChanges().addListener(e.new Recorder());
            return e;
        } finally {
            Files.deleteIfExists(file);
        }
    }

    Engine engine() {
        return engine;
    }

    Server server(String backend, String name) {
        return engine.proxies().backend(backend).server(name);
    }

    Map<String, String> row(String px, String sv) {
        return csv().get(px + "/" + sv);
    }

    Map<String, Map<String, String>> csv() {
        return rows(new CsvStatsWriter().write(engine.stats().snapshot()));
    }

    /** Rows of stats CSV text (Tollgate's or HAProxy's) by {@code pxname/svname}, each column by name. */
    static Map<String, Map<String, String>> rows(String csv) {
        String[] lines = csv.split("\n");
        String[] header = lines[0].substring(2).split(",", -1);
        Map<String, Map<String, String>> rows = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            String[] values = split(lines[i]);
            Map<String, String> row = new HashMap<>();
            for (int c = 0; c < header.length && c < values.length; c++) {
                row.put(header[c], values[c]);
            }
            rows.put(values[0] + "/" + values[1], row);
        }
        return rows;
    }

    /** Splits a CSV line, honouring the quotes HAProxy puts around text holding a comma. */
    static String[] split(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                out.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        out.add(cell.toString());
        return out.toArray(new String[0]);
    }

    List<Seen> checksOf(String backend, String server) {
        return of(checks, backend, server);
    }

    List<Seen> agentsOf(String backend, String server) {
        return of(agents, backend, server);
    }

    /**
     * Waits for the agent runs that follow a change of the agent's reply and returns the first
     * that surely read the new one: a run already under way at the change may have read the old.
     */
    Seen nextAgentRun(String backend, String server) throws InterruptedException {
        int from = agentsOf(backend, server).size();
        await(Duration.ofSeconds(10), "two agent runs of " + backend + "/" + server,
                () -> agentsOf(backend, server).size() >= from + 2);
        return agentsOf(backend, server).get(from + 1);
    }

    private static List<Seen> of(List<Seen> all, String backend, String server) {
        List<Seen> out = new ArrayList<>();
        for (Seen s : all) {
            if (s.server().equals(backend + "/" + server)) {
                out.add(s);
            }
        }
        return out;
    }

    List<String> messages() {
        return events.stream().map(ServerEvent::message).toList();
    }

    /** A port free right now on 127.0.0.1, for {@code bind} lines. */
    static int freePort() throws java.io.IOException {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** Waits until {@code condition} holds, failing after {@code timeout}. */
    static void await(Duration timeout, String what, BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(10);
        }
    }

    @Override
    public void close() {
        engine.close();
    }

    private final class Recorder implements StateChanges.Listener {
        @Override
        public void serverChanged(Server server, String what, String cause) {
        }

        @Override
        public void event(ServerEvent event) {
            events.add(event);
        }

        @Override
        public void checked(Server server, CheckState state, CheckState.Result result) {
            if (recordRows) {
                Seen seen = new Seen(server.toString(), result, row(server.backend().name(), server.name()));
                (state.isAgent() ? agents : checks).add(seen);
            }
        }
    }
}
