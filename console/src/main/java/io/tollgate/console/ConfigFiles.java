package io.tollgate.console;

import io.tollgate.engine.config.Config;
import io.tollgate.engine.config.ConfigException;
import io.tollgate.engine.config.ConfigLoader;

import java.nio.file.Path;
import java.util.List;

/**
 * The {@code -f} arguments turned into one {@link Config}, the same way for {@code -c}, a run and
 * the demo: files and directories as given (a directory stands for its {@code *.cfg} files in name
 * order), relative paths taken from the current directory as HAProxy does, and
 * {@code "${VAR}"} from this process's environment.
 */
final class ConfigFiles {

    private ConfigFiles() {
    }

    /** Loads and validates the configuration named by {@code arguments}. */
    static Config load(List<Path> arguments) throws ConfigException {
        return ConfigLoader.load(arguments, System.getenv(), Path.of("").toAbsolutePath());
    }
}
