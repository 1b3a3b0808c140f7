package io.tollgate.engine.check;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Debian's MariaDB server in a fresh data directory on a loopback port, with a user
 * {@code haproxy} (from 127.0.0.1, no password) for {@code mysql-check user haproxy}. Host names
 * are not resolved, so refusals name {@code 127.0.0.1}.
 */
final class MariaDbServer implements AutoCloseable {
    static final String USER = "haproxy";

    private final LocalServer server = new LocalServer("MariaDB");
    private final List<String> command = new ArrayList<>();

    MariaDbServer() {
        Path mariadbd = LocalServer.executable("mariadb-server",
                List.of(Path.of("/usr/sbin/mariadbd"), Path.of("/usr/sbin/mysqld")));
        Path installDb = LocalServer.executable("mariadb-server",
                List.of(Path.of("/usr/bin/mariadb-install-db"), Path.of("/usr/bin/mysql_install_db")));
        Path data = server.dir.resolve("data");
        Path init = server.dir.resolve("init.sql");
        try {
            Files.writeString(init, "CREATE USER IF NOT EXISTS '" + USER + "'@'127.0.0.1';\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // mariadbd refuses to run as root unless told to
        List<String> asUser = LocalServer.isRoot() ? List.of("--user=root") : List.of();
        List<String> install = new ArrayList<>(List.of(installDb.toString(), "--no-defaults", "--datadir=" + data,
                "--auth-root-authentication-method=normal", "--skip-test-db", "--skip-name-resolve"));
        install.addAll(asUser);
        server.run("install-db", install, Duration.ofSeconds(60));
        command.addAll(List.of(mariadbd.toString(), "--no-defaults", "--datadir=" + data,
                "--socket=" + server.dir.resolve("mysqld.sock"), "--pid-file=" + server.dir.resolve("mysqld.pid"),
                "--port=" + server.port, "--bind-address=127.0.0.1", "--skip-name-resolve",
                "--init-file=" + init, "--innodb-buffer-pool-size=16M", "--log-error=" + server.dir.resolve("error.log")));
        command.addAll(asUser);
        start();
    }

    /** Starts (again, after {@link #stop()}) on the same port and data. */
    void start() {
        server.start(command, Duration.ofSeconds(30));
    }

    void stop() {
        server.stop();
    }

    int port() {
        return server.port;
    }

    @Override
    public void close() {
        server.close();
    }
}
