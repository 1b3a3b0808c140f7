package io.tollgate.engine.check;

import io.tollgate.engine.api.Engine;
import io.tollgate.engine.config.Config;
import io.tollgate.engine.config.ConfigLoader;
import io.tollgate.engine.runtime.CheckState;
import io.tollgate.engine.runtime.Server;
import io.tollgate.engine.runtime.ServerEvent;
import io.tollgate.engine.runtime.StateChanges;
import io.tollgate.engine.stats.CsvRows;
import io.tollgate.engine.stats.CsvStatsWriter;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * An engine started from configuration text for check tests, recording every check result
 * (health checks and agents apart) with the server's CSV row right after it, and every
 * state-change event.
 */
final class CheckedEngine implements AutoCloseable {
    /** One check as the stats showed it right after it was applied, at {@code nanos} ({@link System#nanoTime}). */
    record Seen(String server, CheckState.Result result, Map<String, String> row, long nanos) {
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

    /** The defaults section of the HTTP check tests: short connect, {@code timeout check 2s}. */
    static final String HTTP_DEFAULTS = """
            defaults
              mode http
              timeout connect 1s
              timeout client 5s
              timeout server 5s
              timeout check 2s
            """;

    private volatile Engine engine;
    /** Released once {@link Engine#start} returned: the first checks may end before. */
    private final CountDownLatch started = new CountDownLatch(1);
    private final boolean recordRows;
    final List<Seen> checks = new CopyOnWriteArrayList<>();
    final List<Seen> agents = new CopyOnWriteArrayList<>();
    final List<ServerEvent> events = new CopyOnWriteArrayList<>();

    private CheckedEngine(boolean recordRows) {
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
            CheckedEngine e = new CheckedEngine(recordRows);
            // listening from the start: the first check runs at once and must not be missed
            e.engine = Engine.start(config, List.of(e.new Recorder()));
            e.started.countDown();
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
        return CsvRows.parse(new CsvStatsWriter().write(engine.stats().snapshot()));
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

    /** A port free right now on 127.0.0.1, for {@code bind} lines. */
    static int freePort() throws java.io.IOException {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
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

    /** Runs {@code action} after each health check is applied, on the check's event loop. */
    void afterEachCheck(Consumer<Server> action) {
        engine.proxies().stateChanges().addListener(new StateChanges.Listener() {
            @Override
            public void serverChanged(Server server, String what, String cause) {
            }

            @Override
            public void checked(Server server, CheckState state, CheckState.Result result) {
                if (!state.isAgent()) {
                    action.accept(server);
                }
            }
        });
    }

    List<String> messages() {
        return events.stream().map(ServerEvent::message).toList();
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
            if (!recordRows) {
                return;
            }
            long nanos = System.nanoTime();
            try {
                // the row needs the engine's stats: wait (on the check's loop, a test only) until start returned
                if (!started.await(10, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("the engine did not start");
                }
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                return;
            }
            Seen seen = new Seen(server.toString(), result, row(server.backend().name(), server.name()), nanos);
            (state.isAgent() ? agents : checks).add(seen);
        }
    }
}
