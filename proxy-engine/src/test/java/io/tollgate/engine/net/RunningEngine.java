package io.tollgate.engine.net;

import io.tollgate.engine.api.Engine;
import io.tollgate.engine.config.Config;
import io.tollgate.engine.config.ConfigLoader;
import io.tollgate.engine.stats.CsvRows;
import io.tollgate.engine.stats.CsvStatsWriter;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * An engine started from configuration text, for tests: the text is parsed by the real parser,
 * listeners bind to free loopback ports ({@link #freePort()}), and the stats are read back
 * as the HAProxy CSV that operators' tools parse.
 */
final class RunningEngine implements AutoCloseable {
    private final Engine engine;

    private RunningEngine(Engine engine) {
        this.engine = engine;
    }

    static RunningEngine start(String configText) throws Exception {
        Path file = Files.createTempFile("tollgate-test", ".cfg");
        try {
            Files.writeString(file, configText);
            Config config = ConfigLoader.load(List.of(file), Map.of(), file.getParent());
            return new RunningEngine(Engine.start(config));
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** As {@link #start(String)}, the access-log lines going to {@code accessLogs}. */
    static RunningEngine start(String configText, io.tollgate.engine.log.AccessLogSink accessLogs) throws Exception {
        Path file = Files.createTempFile("tollgate-test", ".cfg");
        try {
            Files.writeString(file, configText);
            Config config = ConfigLoader.load(List.of(file), Map.of(), file.getParent());
            return new RunningEngine(NetEngine.start(config, List.of(), accessLogs));
        } finally {
            Files.deleteIfExists(file);
        }
    }

    Engine engine() {
        return engine;
    }

    int port(String frontend) {
        return engine.boundAddresses(frontend).get(0).getPort();
    }

    /** The CSV rows, keyed by "pxname/svname", each a map from column name to value. */
    Map<String, Map<String, String>> csv() {
        return CsvRows.parse(new CsvStatsWriter().write(engine.stats().snapshot()));
    }

    Map<String, String> row(String pxname, String svname) {
        Map<String, String> r = csv().get(pxname + "/" + svname);
        if (r == null) {
            throw new AssertionError("no CSV row " + pxname + "/" + svname);
        }
        return r;
    }

    long number(String pxname, String svname, String field) {
        String v = row(pxname, svname).get(field);
        if (v == null || v.isEmpty()) {
            throw new AssertionError(field + " of " + pxname + "/" + svname + " is empty");
        }
        return Long.parseLong(v);
    }

    @Override
    public void close() {
        engine.close();
    }

    /** A port free right now on 127.0.0.1, for {@code bind} lines. */
    static int freePort() throws IOException {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    static String read(Path p) throws IOException {
        return Files.readString(p);
    }
}
