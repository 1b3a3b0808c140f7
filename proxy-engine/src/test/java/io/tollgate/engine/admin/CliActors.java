package io.tollgate.engine.admin;

import io.tollgate.engine.config.ConfigLoader;
import io.tollgate.engine.runtime.Proxies;
import io.tollgate.engine.stats.Ticker;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** What the runtime API tests share: a socket caller at each level, and proxies from a configuration text. */
final class CliActors {
    static final Actor ADMIN = new Actor("ops", "/run/t.sock", "socket", AccessLevel.ADMIN);
    static final Actor OPERATOR = new Actor("ops", "/run/t.sock", "socket", AccessLevel.OPERATOR);
    static final Actor USER = new Actor("ops", "/run/t.sock", "socket", AccessLevel.USER);

    private CliActors() {
    }

    /** The runtime of {@code text}, written to {@code dir/t.cfg} (the name error texts show). */
    static Proxies proxies(Path dir, String text) throws Exception {
        Path cfg = dir.resolve("t.cfg");
        Files.writeString(cfg, text);
        return new Proxies(ConfigLoader.load(List.of(cfg), Map.of(), dir), Ticker.SYSTEM);
    }
}
