package io.tollgate.engine.auth;

import io.tollgate.engine.config.UserlistConfig;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every {@code userlist} of a configuration by name, as {@code http_auth(<userlist>)}, the stats
 * page's {@code stats auth} and the ACLs look them up. Immutable; built once per configuration load.
 */
public final class Userlists {
    /** A configuration without {@code userlist} sections. */
    public static final Userlists NONE = new Userlists(Map.of());

    private final Map<String, Userlist> byName;

    private Userlists(Map<String, Userlist> byName) {
        this.byName = byName;
    }

    /**
     * Builds every userlist; the first of two with one name wins, as in HAProxy (the parser has
     * already warned about the second).
     *
     * @throws CryptHashException if a {@code password} cannot be verified (see {@link Userlist})
     */
    public static Userlists of(List<UserlistConfig> configs) {
        Map<String, Userlist> byName = new LinkedHashMap<>();
        for (UserlistConfig config : configs) {
            if (!byName.containsKey(config.name())) {
                byName.put(config.name(), new Userlist(config));
            }
        }
        return new Userlists(Collections.unmodifiableMap(byName));
    }

    /** The userlist called {@code name}, or empty when there is none. */
    public Optional<Userlist> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** The names, in configuration order. */
    public Set<String> names() {
        return byName.keySet();
    }
}
