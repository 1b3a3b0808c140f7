package io.tollgate.engine.check;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Debian's Redis server on a loopback port, without persistence, optionally requiring a password. */
final class RedisServer implements AutoCloseable {
    private final LocalServer server = new LocalServer("Redis");

    RedisServer(String requirePass) {
        Path redis = LocalServer.executable("redis-server", List.of(Path.of("/usr/bin/redis-server")));
        List<String> command = new ArrayList<>(List.of(redis.toString(), "--port", Integer.toString(server.port),
                "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--daemonize", "no",
                "--dir", server.dir.toString()));
        if (requirePass != null) {
            command.addAll(List.of("--requirepass", requirePass));
        }
        server.start(command, Duration.ofSeconds(15));
    }

    int port() {
        return server.port;
    }

    @Override
    public void close() {
        server.close();
    }
}
