package io.tollgate.engine.rules;

import java.nio.file.Path;

/**
 * Where a rule is compiled: the proxy it belongs to (whose name is the default {@code auth}
 * realm) and the directory relative file names resolve against.
 */
public record RuleSite(String proxyName, Path baseDir) {
}
