package io.tollgate.engine.runtime;

import io.tollgate.engine.acl.AclException;
import io.tollgate.engine.acl.Acls;
import io.tollgate.engine.acl.PatternFiles;
import io.tollgate.engine.config.Config;
import io.tollgate.engine.config.Directive;
import io.tollgate.engine.config.ProxyConfig;
import io.tollgate.engine.config.ProxyRules;
import io.tollgate.engine.config.UseBackendRule;
import io.tollgate.engine.stats.Ticker;
import io.tollgate.engine.stick.DataType;
import io.tollgate.engine.stick.StickTable;
import io.tollgate.engine.stick.StickTableException;
import io.tollgate.engine.stick.StickTableSpec;
import io.tollgate.engine.stick.StickTables;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * All proxies of a configuration, in configuration order (the order of every stats surface),
 * linked together: each frontend to its default backend, each backend to its {@code fullconn}.
 */
public final class Proxies {
    private final List<Proxy> all;
    private final Map<String, Proxy> backendsByName = new HashMap<>();
    private final StateChanges stateChanges = new StateChanges();
    private final DynamicServers dynamicServers = new DynamicServers(this);
    private final Config config;
    private final StickTables tables;
    private final io.tollgate.engine.auth.Userlists userlists;
    private final Sessions sessions = new Sessions();
    private final ProtocolErrors errors = new ProtocolErrors();
    private final PatternFiles patternFiles = new PatternFiles();
    private final GlobalMaxconn globalMaxconn;

    public Proxies(Config config, Ticker ticker) {
        this.config = config;
        this.globalMaxconn = new GlobalMaxconn(config.global().maxconn());
        List<Proxy> list = new ArrayList<>();
        for (ProxyConfig pc : config.proxies()) {
            Proxy p = new Proxy(pc, ticker);
            list.add(p);
            if (p.isBackend()) {
                backendsByName.put(p.name(), p);
            }
        }
        this.all = Collections.unmodifiableList(list);
        this.tables = stickTables(all);
        this.userlists = io.tollgate.engine.auth.Userlists.of(config.userlists());
        // Rules compiled from here on share this load's pattern files. A failure below aborts
        // the load; the next load binds its own registry, so a stale binding does no harm.
        patternFiles.bind();
        for (Proxy p : all) {
            p.registry(this);
            p.rules(TrafficRules.compile(p, config.httpErrors()));
            p.stats(StatsPolicy.compile(p));
        }
        linkTrackers();
        int globalMaxconn = config.global().maxconn();
        Map<Proxy, Integer> referencingMaxconn = new HashMap<>();
        for (Proxy p : all) {
            if (!p.isFrontend()) {
                continue;
            }
            Proxy target = p.config().defaultBackend() != null
                    ? backendsByName.get(p.config().defaultBackend())
                    : (p.isBackend() ? p : null);
            int maxconn = p.config().maxconn() > 0 ? p.config().maxconn() : globalMaxconn;
            p.link(target, maxconn, 0);
            List<SwitchingRule> rules = switchingRules(p);
            p.switching(rules);
            // as HAProxy: a backend's default fullconn is a tenth (rounded up) of the maxconn of
            // every frontend that may send it traffic, and 1 when none may
            java.util.Set<Proxy> reached = new java.util.LinkedHashSet<>();
            if (target != null) {
                reached.add(target);
            }
            rules.forEach(r -> {
                if (r.backend() != null) {
                    reached.add(r.backend());
                }
            });
            for (Proxy b : reached) {
                referencingMaxconn.merge(b, maxconn, Integer::sum);
            }
        }
        for (Proxy p : all) {
            if (!p.isBackend()) {
                continue;
            }
            int fullconn = p.config().fullconn() > 0 ? p.config().fullconn()
                    : Math.max(1, (referencingMaxconn.getOrDefault(p, 0) + 9) / 10);
            p.link(p.defaultBackend(), p.frontendMaxconn(), fullconn);
        }
        patternFiles.unbind();
    }

    /** Compiles a frontend's ACLs and {@code use_backend} rules (already validated by the parser). */
    private List<SwitchingRule> switchingRules(Proxy frontend) {
        List<UseBackendRule> lines = frontend.config().useBackends();
        if (lines.isEmpty()) {
            return List.of();
        }
        List<SwitchingRule> rules = new ArrayList<>();
        try {
            Acls acls = Acls.compile(frontend.config().acls(), Path.of(""));
            for (UseBackendRule line : lines) {
                PatternFiles.at(line.source() == null ? null : line.source().file(),
                        line.source() == null ? 0 : line.source().line());
                if (line.isDynamic()) {
                    var condition = acls.condition(line.condition());
                    // HAProxy reads the name after the whole configuration: its maps are numbered last
                    PatternFiles.atDeferred(line.source() == null ? null : line.source().file(),
                            line.source() == null ? 0 : line.source().line());
                    rules.add(new SwitchingRule(condition, null,
                            io.tollgate.engine.rules.FormatString.compile(line.backend()), this));
                } else {
                    rules.add(new SwitchingRule(acls.condition(line.condition()), backendsByName.get(line.backend())));
                }
            }
        } catch (AclException | io.tollgate.engine.rules.RuleException e) {
            throw new IllegalStateException("frontend '" + frontend.name() + "' : " + e.getMessage(), e);
        }
        return rules;
    }

    /** One table per proxy that declares {@code stick-table}, named after the proxy. */
    private static StickTables stickTables(List<Proxy> proxies) {
        // as in HAProxy, a table that stick rules write servers into stores server_id and server_key
        Set<String> serverTables = new HashSet<>();
        for (Proxy p : proxies) {
            for (Directive d : p.config().rules().stickRules()) {
                serverTables.add(ProxyRules.stickTableName(d.args(), p.name()));
            }
        }
        List<StickTableSpec> specs = new ArrayList<>();
        for (Proxy p : proxies) {
            Directive d = p.config().rules().stickTable();
            if (d != null) {
                try {
                    StickTableSpec spec = StickTableSpec.parse(p.name(), d.args());
                    specs.add(serverTables.contains(p.name())
                            ? spec.alsoStoring(DataType.SERVER_ID, DataType.SERVER_KEY) : spec);
                } catch (StickTableException e) {
                    throw new IllegalStateException("proxy '" + p.name() + "' : " + e.getMessage(), e);
                }
            }
        }
        return StickTables.of(specs, StickTable.MONOTONIC_CLOCK);
    }

    /** The userlist named {@code name}, or null. */
    public io.tollgate.engine.auth.Userlist userlist(String name) {
        return userlists.find(name).orElse(null);
    }

    /** The {@code -f} and map files of this load, which the runtime API changes. */
    public PatternFiles patternFiles() {
        return patternFiles;
    }

    /** The stick tables of every proxy. */
    public StickTables tables() {
        return tables;
    }

    /** The stick table named {@code name}, or null. */
    public StickTable table(String name) {
        return tables.find(name).orElse(null);
    }

    public List<Proxy> all() {
        return all;
    }

    public Proxy backend(String name) {
        return backendsByName.get(name);
    }

    public Proxy proxy(String name) {
        for (Proxy p : all) {
            if (p.name().equals(name)) {
                return p;
            }
        }
        return null;
    }

    /** Links each {@code track}ing server to the server it follows (the configuration checked that it exists). */
    private void linkTrackers() {
        for (Proxy p : all) {
            for (Server s : p.servers()) {
                String track = s.config().check().track();
                if (track == null) {
                    continue;
                }
                int slash = track.indexOf('/');
                Proxy owner = slash < 0 ? p : backendsByName.get(track.substring(0, slash));
                Server target = owner == null ? null : owner.server(slash < 0 ? track : track.substring(slash + 1));
                if (target != null) {
                    s.track(target);
                }
            }
        }
    }

    /** The process's {@code maxconn} in force. */
    public GlobalMaxconn globalMaxconn() {
        return globalMaxconn;
    }

    /** Servers added and deleted at run time. */
    public DynamicServers dynamicServers() {
        return dynamicServers;
    }

    public StateChanges stateChanges() {
        return stateChanges;
    }

    /** The live sessions ({@code show sess}). */
    public Sessions sessions() {
        return sessions;
    }

    /** The captured protocol errors ({@code show errors}). */
    public ProtocolErrors errors() {
        return errors;
    }

    public Config config() {
        return config;
    }
}
