package io.tollgate.engine.config;

import io.tollgate.engine.acl.PatternFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Loads HAProxy 2.6 configuration files into a {@link Config}: the one public door of this
 * package's parser.
 *
 * <p>Files are read in the order given; a directory stands for its {@code *.cfg} files in
 * lexical order, as HAProxy's {@code -f <dir>} does. Every error is collected (HAProxy goes on
 * after an error to report as many as it can), then the whole configuration is checked. The
 * result is returned only if there was no error; otherwise {@link ConfigException#problems()}
 * lists the alerts and the warnings, each formatted as HAProxy prints it.
 */
public final class ConfigLoader {
    private ConfigLoader() {
    }

    /**
     * @param paths   configuration files or directories; relative ones are taken from {@code baseDir}
     * @param env     the environment for {@code $VAR}/{@code ${VAR}} expansion ({@code System.getenv()}
     *                in production, a fixed map in tests); it is copied, never changed
     * @param baseDir the directory relative file names are resolved against (HAProxy's current
     *                directory): configuration paths, {@code errorfile}, {@code acl -f} files
     * @return the configuration, whose {@code warnings} are the non-fatal remarks
     * @throws ConfigException if any error was found; it lists all of them and the warnings
     */
    public static Config load(List<Path> paths, Map<String, String> env, Path baseDir) throws ConfigException {
        PathResolver resolver = new PathResolver(baseDir);
        ParseSession session = new ParseSession(new ConfigEnvironment(env, resolver));
        // One list per pattern file across the parse, so that a file used both as an ACL's
        // and as a map is refused at its line, as HAProxy refuses it; the engine reads them again.
        PatternFiles checking = new PatternFiles();
        checking.bind();
        Config config;
        try {
            for (Path path : paths) {
                for (Path file : files(path, baseDir, session.problems)) {
                    read(file, baseDir, session);
                }
            }
            config = ConfigAssembler.assemble(session);
        } finally {
            checking.unbind();
        }
        if (session.problems.hasAlerts()) {
            throw new ConfigException(session.problems.all());
        }
        return config;
    }

    private static void read(Path file, Path baseDir, ParseSession session) {
        Path resolved = baseDir.resolve(file);
        byte[] content;
        try {
            content = Files.readAllBytes(resolved);
        } catch (IOException e) {
            session.problems.alert(null, "Cannot open configuration file " + file + " : " + reason(e));
            return;
        }
        session.environment.paths.readingFile(resolved);
        session.startFile();
        ConfigFileReader.read(file.toString(), content, session.environment::get, session.problems, session);
    }

    /** The file itself, or a directory's {@code *.cfg} files sorted by name. */
    private static List<Path> files(Path path, Path baseDir, Problems problems) {
        Path resolved = baseDir.resolve(path);
        if (!Files.isDirectory(resolved)) {
            if (!Files.exists(resolved)) {
                problems.alert(null, "Cannot open configuration file/directory " + path + " : No such file or directory");
                return List.of();
            }
            return List.of(path);
        }
        List<Path> files = new ArrayList<>();
        try (Stream<Path> entries = Files.list(resolved)) {
            entries.filter(p -> p.getFileName().toString().endsWith(".cfg") && Files.isRegularFile(p))
                    .map(p -> path.resolve(p.getFileName().toString()))
                    .sorted((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()))
                    .forEach(files::add);
        } catch (IOException e) {
            problems.alert(null, "Cannot open configuration directory " + path + " : " + reason(e));
        }
        return files;
    }

    private static String reason(IOException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
