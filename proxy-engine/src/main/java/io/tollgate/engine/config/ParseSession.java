package io.tollgate.engine.config;

import java.util.ArrayList;
import java.util.List;

/**
 * Everything one load accumulates while its files are read: the global state, proxies,
 * defaults sections, userlists, http-errors sections and problems, plus the open section that
 * receives each line.
 */
final class ParseSession implements ConfigFileReader.LineSink {
    final Problems problems = new Problems();
    final ConfigEnvironment environment;
    final GlobalState global;
    final ProxyState builtinDefaults;
    final List<ProxyState> proxies = new ArrayList<>();
    final List<ProxyState> namedDefaults = new ArrayList<>();
    final List<UserlistState> userlists = new ArrayList<>();
    final List<ErrorPageKeywords.HttpErrorsState> httpErrors = new ArrayList<>();
    /** The defaults section a proxy without {@code from} inherits: the last one declared. */
    ProxyState lastDefaults;
    private Section current;

    ParseSession(ConfigEnvironment environment) {
        this.environment = environment;
        this.global = new GlobalState(environment);
        this.builtinDefaults = ProxyState.builtinDefaults(environment);
        this.lastDefaults = builtinDefaults;
    }

    @Override
    public void accept(Line line) {
        Sections.Opener opener = Sections.find(line.keyword()).orElse(null);
        if (opener != null) {
            current = opener.open(line, this);
        } else if (current == null) {
            problems.alert(line.source(), "unknown keyword '" + line.keyword() + "' out of section.");
        } else {
            current.parse(line, problems);
        }
    }

    @Override
    public String sectionName() {
        return current == null ? null : (current.name().isEmpty() ? current.keyword() : current.name());
    }

    /** A new file starts outside any section, as in HAProxy. */
    void startFile() {
        current = null;
    }
}
