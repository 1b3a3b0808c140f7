package io.tollgate.engine.check;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Debian's PostgreSQL (the newest under {@code /usr/lib/postgresql}) in a fresh cluster on a
 * loopback port. {@code pg_hba.conf} lets {@link #TRUSTED} in without a password, asks
 * {@link #PASSWORD_USER} for a SCRAM password and refuses everyone else. PostgreSQL refuses to
 * run as root, so under root it runs as {@code nobody} (through {@code setpriv}) in a directory
 * given to that user.
 */
final class PostgresServer implements AutoCloseable {
    static final String TRUSTED = "haproxy";
    static final String PASSWORD_USER = "secured";
    private static final int NOBODY = 65534;

    private final LocalServer server = new LocalServer("PostgreSQL");

    PostgresServer() {
        Path bin = binDirectory();
        Path data = server.dir.resolve("data");
        List<String> asUser = new ArrayList<>();
        if (LocalServer.isRoot()) {
            Path setpriv = LocalServer.executable("util-linux", List.of(Path.of("/usr/bin/setpriv"), Path.of("/bin/setpriv")));
            asUser.addAll(List.of(setpriv.toString(), "--reuid=" + NOBODY, "--regid=" + NOBODY, "--clear-groups", "--"));
            try {
                Files.setAttribute(server.dir, "unix:uid", NOBODY);
                Files.setAttribute(server.dir, "unix:gid", NOBODY);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        List<String> initdb = new ArrayList<>(asUser);
        initdb.addAll(List.of(bin.resolve("initdb").toString(), "-D", data.toString(), "-U", "postgres",
                "--auth=trust", "--no-sync", "--no-locale", "-E", "UTF8"));
        server.run("initdb", initdb, Duration.ofSeconds(60));
        try {
            Files.writeString(data.resolve("pg_hba.conf"), "host all " + TRUSTED + " 127.0.0.1/32 trust\n"
                    + "host all " + PASSWORD_USER + " 127.0.0.1/32 scram-sha-256\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> postgres = new ArrayList<>(asUser);
        postgres.addAll(List.of(bin.resolve("postgres").toString(), "-D", data.toString(),
                "-p", Integer.toString(server.port), "-c", "listen_addresses=127.0.0.1",
                "-k", server.dir.toString(), "-c", "fsync=off"));
        server.start(postgres, Duration.ofSeconds(30));
    }

    /** Debian's versioned directory holding initdb and postgres, the newest first. */
    private static Path binDirectory() {
        Path root = Path.of("/usr/lib/postgresql");
        List<Path> candidates = new ArrayList<>();
        if (Files.isDirectory(root)) {
            try (Stream<Path> versions = Files.list(root)) {
                versions.map(v -> v.resolve("bin"))
                        .sorted(Comparator.comparing((Path p) -> versionOf(p)).reversed())
                        .forEach(candidates::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        for (Path bin : candidates) {
            if (Files.isExecutable(bin.resolve("initdb")) && Files.isExecutable(bin.resolve("postgres"))) {
                return bin;
            }
        }
        return LocalServer.executable("postgresql", List.of(root.resolve("<version>/bin/postgres"))).getParent();
    }

    private static int versionOf(Path bin) {
        try {
            return Integer.parseInt(bin.getParent().getFileName().toString());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    int port() {
        return server.port;
    }

    @Override
    public void close() {
        server.close();
    }
}
